package org.consentry.server.api.v1;

import java.util.regex.Pattern;

/** Recognises IP address literals without resolving anything. */
final class IpAddresses {

    private static final Pattern V4 = Pattern.compile(
            "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final Pattern V6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private IpAddresses() {
    }

    static boolean isLiteral(String text) {
        if (V4.matcher(text).matches()) {
            return true;
        }
        if (!V6.matcher(text).matches() || !text.contains(":")) {
            return false;
        }
        if (text.contains(":::") || (text.startsWith(":") && !text.startsWith("::")) || (text.endsWith(":") && !text.endsWith("::"))) {
            return false; // a colon alone at either end, or a third in a row, separates no group (":::", "1:2:3:4:5:6:7:8:")
        }
        int doubleColons = text.split("::", -1).length - 1;
        if (doubleColons > 1) {
            return false;
        }
        String[] groups = text.split(":", -1);
        int count = 0;
        for (int i = 0; i < groups.length; i++) {
            String group = groups[i];
            if (group.isEmpty()) {
                continue;
            }
            if (i == groups.length - 1 && group.contains(".")) {
                if (!V4.matcher(group).matches()) {
                    return false;
                }
                count += 2;
            } else if (group.length() > 4 || group.contains(".")) {
                return false;
            } else {
                count++;
            }
        }
        return doubleColons == 1 ? count < 8 : count == 8;
    }
}
