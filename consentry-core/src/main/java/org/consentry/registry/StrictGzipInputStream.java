package org.consentry.registry;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Reads gzip data (RFC 1952) of one or more members, and refuses what {@link java.util.zip.GZIPInputStream} lets
 * pass: after a member, that class reads on only if bytes are already waiting, and takes anything that is not a
 * whole member header (a file cut inside the next member's header, bytes of something else) for the end. A registry
 * file so cut would lose the numbers of every later member without a word, and a number missing from a registry copy
 * is a number called against the law. Here the data ends only where a member ends and nothing follows; a cut
 * anywhere, a member that does not match its CRC-32 or length, or bytes after the last member that do not start
 * another, fail the read.
 */
final class StrictGzipInputStream extends InputStream {

    private static final int FHCRC = 2;
    private static final int FEXTRA = 4;
    private static final int FNAME = 8;
    private static final int FCOMMENT = 16;
    private static final int BUFFER = 1 << 16;

    private final PushbackInputStream in;
    private final Inflater inflater = new Inflater(true);
    private final CRC32 crc = new CRC32();
    private final byte[] input = new byte[BUFFER];
    private long memberSize;
    private boolean inMember;
    private boolean firstMember = true;
    private boolean ended;

    StrictGzipInputStream(InputStream in) {
        this.in = new PushbackInputStream(in, BUFFER);
    }

    @Override public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override public int read(byte[] b, int off, int len) throws IOException {
        if (closed) {
            throw new IOException("Stream closed");
        }
        if (failed != null) {
            throw new IOException(failed.getMessage(), failed); // a read past a refusal would go on past the damage
        }
        try {
            return inflateSome(b, off, len);
        } catch (IOException e) {
            failed = e;
            throw e;
        }
    }

    private IOException failed;

    private int inflateSome(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (!ended) {
            if (!inMember) {
                if (!header()) {
                    ended = true;
                    break;
                }
                inMember = true;
            }
            int inflated;
            try {
                inflated = inflater.inflate(b, off, len);
            } catch (DataFormatException e) {
                throw new IOException("the gzip data is damaged: " + e.getMessage(), e);
            }
            if (inflated > 0) {
                crc.update(b, off, inflated);
                memberSize += inflated;
                return inflated;
            }
            if (inflater.finished()) {
                int left = inflater.getRemaining();
                if (left > 0) {
                    in.unread(input, lastInputLength - left, left); // the next member's bytes, or what follows the last
                }
                trailer();
                inMember = false;
                firstMember = false;
            } else if (inflater.needsDictionary()) {
                throw new IOException("the gzip data is damaged: a member asks for a preset dictionary");
            } else if (inflater.needsInput()) {
                int read = in.read(input, 0, input.length);
                if (read < 0) {
                    throw new EOFException("the gzip data ends inside a member (the file is cut short)");
                }
                lastInputLength = read;
                inflater.setInput(input, 0, read);
            }
        }
        return -1;
    }

    private int lastInputLength;

    /** Reads a member's header; false at the end of the data after a whole member. */
    private boolean header() throws IOException {
        int first = in.read();
        if (first < 0) {
            if (firstMember) {
                throw new EOFException("the gzip data is empty");
            }
            return false;
        }
        int second = in.read();
        if (first != 0x1f || second != 0x8b) {
            throw new IOException(firstMember ? "the data is not gzip"
                    : "bytes follow the last gzip member that do not start another (the file is damaged or not gzip)");
        }
        crc.reset(); // the header's own CRC (FHCRC) covers its bytes from the first
        crc.update(first);
        crc.update(second);
        if (byteOfHeader() != 8) {
            throw new IOException("a gzip member is compressed by a method other than deflate");
        }
        int flags = byteOfHeader();
        for (int i = 0; i < 6; i++) { // modification time, extra flags, operating system
            byteOfHeader();
        }
        if ((flags & FEXTRA) != 0) {
            int length = byteOfHeader() | byteOfHeader() << 8;
            for (int i = 0; i < length; i++) {
                byteOfHeader();
            }
        }
        if ((flags & FNAME) != 0) {
            while (byteOfHeader() != 0) {
                // the original file name
            }
        }
        if ((flags & FCOMMENT) != 0) {
            while (byteOfHeader() != 0) {
                // a comment
            }
        }
        if ((flags & FHCRC) != 0) {
            int expected = (int) crc.getValue() & 0xffff;
            if ((byteOfHeader() | byteOfHeader() << 8) != expected) {
                throw new IOException("the gzip data is damaged: a member's header does not match its header CRC");
            }
        }
        inflater.reset();
        crc.reset();
        memberSize = 0;
        lastInputLength = 0;
        return true;
    }

    private int byteOfHeader() throws IOException {
        int b = in.read();
        if (b < 0) {
            throw new EOFException("the gzip data ends inside a member's header (the file is cut short)");
        }
        crc.update(b);
        return b;
    }

    private void trailer() throws IOException {
        long expectedCrc = 0;
        long expectedSize = 0;
        for (int i = 0; i < 4; i++) {
            expectedCrc |= (long) trailerByte() << (8 * i);
        }
        for (int i = 0; i < 4; i++) {
            expectedSize |= (long) trailerByte() << (8 * i);
        }
        if (expectedCrc != crc.getValue() || expectedSize != (memberSize & 0xffff_ffffL)) {
            throw new IOException("the gzip data is damaged: a member does not match its checksum or length");
        }
    }

    private int trailerByte() throws IOException {
        int b = in.read();
        if (b < 0) {
            throw new EOFException("the gzip data ends inside a member's trailer (the file is cut short)");
        }
        return b;
    }

    private boolean closed;

    @Override public void close() throws IOException {
        closed = true;
        inflater.end();
        in.close();
    }
}
