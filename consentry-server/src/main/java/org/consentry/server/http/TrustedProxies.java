package org.consentry.server.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The reverse proxies whose {@code X-Forwarded-For} is believed, as addresses or networks ({@code 10.0.0.0/8},
 * {@code ::1}). The address a request came from is what evidence records (a form's submission, a confirmation, a spam
 * report) and what per-address limits count; behind a proxy the connection's peer is the proxy, so for a request whose
 * peer is trusted the header is read from right to left, each hop a trusted proxy appended, and the first address that
 * is not a trusted proxy is the client. A header that is absent, or an entry that is not an IP address, ends the walk
 * at the last good address: the nearest proxy that reported it, never a name a client wrote. With no proxy trusted
 * (the default), the header is ignored, as anyone can send it.
 */
public final class TrustedProxies {

    public static final TrustedProxies NONE = new TrustedProxies(List.of(), "");

    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6_CHARACTERS = Pattern.compile("[0-9A-Fa-f:.]+");

    private record Network(byte[] address, int prefix) {
        boolean contains(byte[] candidate) {
            if (candidate.length != address.length) {
                return false;
            }
            int bits = prefix;
            for (int i = 0; bits > 0; i++, bits -= 8) {
                int mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
                if ((candidate[i] & mask) != (address[i] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }

    private final List<Network> networks;
    private final String spec;

    private TrustedProxies(List<Network> networks, String spec) {
        this.networks = networks;
        this.spec = spec;
    }

    /**
     * Reads a comma-separated list of IP addresses and networks in CIDR form; null or blank for none.
     *
     * @throws IllegalArgumentException naming the entry that is neither
     */
    public static TrustedProxies parse(String spec) {
        if (spec == null || spec.isBlank()) {
            return NONE;
        }
        List<Network> networks = new ArrayList<>();
        for (String entry : spec.split(",")) {
            String trimmed = entry.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            int slash = trimmed.indexOf('/');
            byte[] address = literal(slash < 0 ? trimmed : trimmed.substring(0, slash));
            if (address == null) {
                throw new IllegalArgumentException("'" + trimmed + "' is not an IP address or network (e.g. 10.0.0.0/8 or ::1)");
            }
            int prefix = address.length * 8;
            if (slash >= 0) {
                String bits = trimmed.substring(slash + 1);
                if (!bits.matches("\\d{1,3}") || Integer.parseInt(bits) > address.length * 8) {
                    throw new IllegalArgumentException("'" + trimmed + "' has a prefix length that is not 0 to " + address.length * 8);
                }
                prefix = Integer.parseInt(bits);
            }
            networks.add(new Network(address, prefix));
        }
        return networks.isEmpty() ? NONE : new TrustedProxies(List.copyOf(networks), spec.strip());
    }

    public boolean isEmpty() {
        return networks.isEmpty();
    }

    /**
     * The client's address for a request from {@code peer} carrying these {@code X-Forwarded-For} headers (each may
     * list several addresses, comma-separated; later headers were added by later hops).
     */
    public String client(String peer, List<String> forwardedFor) {
        String client = peer;
        byte[] hop = literal(peer);
        if (hop == null || !trusted(hop) || forwardedFor == null) {
            return client;
        }
        List<String> entries = new ArrayList<>();
        for (String header : forwardedFor) {
            for (String entry : header.split(",")) {
                entries.add(entry.strip());
            }
        }
        for (int i = entries.size() - 1; i >= 0; i--) {
            String entry = entries.get(i);
            byte[] address = literal(entry);
            if (address == null) {
                return client;
            }
            client = canonical(address, entry);
            if (!trusted(address)) {
                return client;
            }
        }
        return client;
    }

    private boolean trusted(byte[] address) {
        for (Network network : networks) {
            if (network.contains(address)) {
                return true;
            }
        }
        return false;
    }

    /** The address's bytes when {@code text} is an IPv4 or IPv6 literal (never a host name: nothing is resolved), else null. */
    static byte[] literal(String text) {
        if (text != null && text.length() > 2 && text.charAt(0) == '[' && text.charAt(text.length() - 1) == ']') {
            text = text.substring(1, text.length() - 1); // an IPv6 peer as some servers write it
        }
        if (text == null || text.isEmpty() || text.length() > 45) {
            return null;
        }
        if (IPV4.matcher(text).matches()) {
            String[] parts = text.split("\\.");
            byte[] address = new byte[4];
            for (int i = 0; i < 4; i++) {
                address[i] = (byte) Integer.parseInt(parts[i]);
            }
            return address;
        }
        if (text.indexOf(':') < 0 || !IPV6_CHARACTERS.matcher(text).matches() || !wellFormedIpv6(text)) {
            return null;
        }
        try {
            return InetAddress.getByName(text).getAddress(); // a checked literal: parsed, not looked up
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** Eight groups of 1-4 hex digits (the last two may be a dotted IPv4 address), or fewer with one {@code ::}. */
    private static boolean wellFormedIpv6(String text) {
        int doubleColon = text.indexOf("::");
        if (doubleColon >= 0 && text.indexOf("::", doubleColon + 1) >= 0) {
            return false;
        }
        String[] groups = text.split(":", -1);
        int count = 0;
        for (int i = 0; i < groups.length; i++) {
            String group = groups[i];
            boolean last = i == groups.length - 1;
            if (group.isEmpty()) {
                continue; // part of the one "::" (checked above), or a leading or trailing one next to it
            }
            if (last && group.indexOf('.') >= 0) {
                if (!IPV4.matcher(group).matches()) {
                    return false;
                }
                count += 2;
            } else if (group.length() > 4 || group.indexOf('.') >= 0) {
                return false;
            } else {
                count++;
            }
        }
        if (doubleColon < 0) {
            return count == 8 && !text.startsWith(":") && !text.endsWith(":");
        }
        return count < 8 && (!text.startsWith(":") || text.startsWith("::")) && (!text.endsWith(":") || text.endsWith("::"));
    }

    /** The address in one form (dotted for IPv4, also when written as IPv4-mapped IPv6), so that one client is one key. */
    private static String canonical(byte[] address, String written) {
        try {
            return InetAddress.getByAddress(address).getHostAddress();
        } catch (UnknownHostException e) {
            return written;
        }
    }

    @Override public String toString() {
        return networks.isEmpty() ? "none" : spec;
    }
}
