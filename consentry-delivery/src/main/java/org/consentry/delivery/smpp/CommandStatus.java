package org.consentry.delivery.smpp;

import java.util.Map;
import java.util.Set;
import org.consentry.delivery.Delivery;

/**
 * What an SMSC's refusal of a submit_sm (a submit_sm_resp with a command_status other than 0) means for the message. The
 * SMSC being busy or broken (throttled, queue full, system error, a temporary application error, not bound) is
 * {@link Delivery.Unavailable}: the message is tried again later. Anything else (an invalid address, a bad length, a
 * submit refused) is about the message itself: {@link Delivery.Rejected}, with the status's name and hex code.
 */
final class CommandStatus {

    /** The statuses that say "not now" rather than "not this message". */
    private static final Set<Integer> TRANSIENT = Set.of(0x04, 0x08, 0x14, 0x58, 0x64);

    private static final Map<Integer, String> NAMES = Map.ofEntries(Map.entry(0x01, "ESME_RINVMSGLEN"),
            Map.entry(0x03, "ESME_RINVCMDID"), Map.entry(0x04, "ESME_RINVBNDSTS"), Map.entry(0x08, "ESME_RSYSERR"),
            Map.entry(0x0A, "ESME_RINVSRCADR"), Map.entry(0x0B, "ESME_RINVDSTADR"), Map.entry(0x14, "ESME_RMSGQFUL"),
            Map.entry(0x15, "ESME_RINVSERTYP"), Map.entry(0x43, "ESME_RINVESMCLASS"), Map.entry(0x45, "ESME_RSUBMITFAIL"),
            Map.entry(0x48, "ESME_RINVSRCTON"), Map.entry(0x49, "ESME_RINVSRCNPI"), Map.entry(0x50, "ESME_RINVDSTTON"),
            Map.entry(0x51, "ESME_RINVDSTNPI"), Map.entry(0x58, "ESME_RTHROTTLED"), Map.entry(0x61, "ESME_RINVSCHED"),
            Map.entry(0x62, "ESME_RINVEXPIRY"), Map.entry(0x64, "ESME_RX_T_APPN"), Map.entry(0x65, "ESME_RX_P_APPN"),
            Map.entry(0x66, "ESME_RX_R_APPN"), Map.entry(0xFE, "ESME_RDELIVERYFAILURE"), Map.entry(0xFF, "ESME_RUNKNOWNERR"));

    private CommandStatus() {
    }

    /** The delivery a refusal makes; {@code what} names the refused short message ("the message", "part 2 of 3"). */
    static Delivery refusal(int status, String what) {
        String reason = "the SMSC refused " + what + ": " + describe(status);
        return TRANSIENT.contains(status) ? new Delivery.Unavailable(reason) : new Delivery.Rejected(reason);
    }

    /** A status as its name and hex code: {@code ESME_RINVDSTADR (0x0B)}. */
    static String describe(int status) {
        return NAMES.getOrDefault(status, "command_status") + " (" + String.format("0x%02X", status) + ")";
    }
}
