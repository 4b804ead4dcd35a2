package org.consentry.store.sqlite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The data folder held by one process at a time, for as long as its store is open. A second server on the same
 * folder would replay the ledger once and never see the first one's appends (an opt-out taken by one would not
 * block at the other), and the two writers' chains would collide; it is refused at start instead. The operating
 * system releases the lock when its process dies, kill -9 included, so a crash never leaves the folder locked.
 */
final class FolderLock implements AutoCloseable {

    static final String FILE_NAME = "consentry.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private FolderLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the folder's lock, without waiting. */
    static FolderLock acquire(Path directory) {
        Path file = directory.resolve(FILE_NAME).toAbsolutePath();
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + file + " to hold the data folder", e);
        }
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("cannot lock " + file, e);
        }
        if (lock == null) {
            closeQuietly(channel);
            throw new FolderInUseException("the data folder " + directory.toAbsolutePath().normalize() + " is in use by another Consentry "
                    + "process (a server or a scrub); one process at a time opens it (against a running server, use its API)");
        }
        return new FolderLock(channel, lock);
    }

    @Override public void close() {
        try {
            lock.release();
        } catch (IOException e) {
            // closing the channel releases it as well
        }
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // nothing was written through it
        }
    }
}
