package org.consentry.delivery.smpp;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.consentry.delivery.Delivery;
import org.jsmpp.InvalidResponseException;
import org.jsmpp.PDUException;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ResponseTimeoutException;
import org.jsmpp.session.SMPPSession;

/**
 * One text's submit_sm, one a part, in order, each waiting for its submit_sm_resp. The first part refused or unanswered
 * decides, and the parts after it are not sent; a text whose later part was refused is not accepted either (the handset
 * would hold an incomplete text), so it is refused or tried again as a whole. Each later part's id goes to the
 * {@link PartLedger} as soon as the SMSC gives it, before its receipt can come.
 */
final class Submission {

    private static final RegisteredDelivery RECEIPT = new RegisteredDelivery(SMSCDeliveryReceipt.SUCCESS_FAILURE);

    private final SMPPSession session;
    private final PartLedger ledger;
    private final SmppAddress from;
    private final SmppAddress to;
    private final SmsParts text;
    private final int reference;
    private final List<String> ids = new ArrayList<>();
    private Delivery delivery;

    Submission(SMPPSession session, PartLedger ledger, SmppAddress from, SmppAddress to, SmsParts text, int reference) {
        this.session = session;
        this.ledger = ledger;
        this.from = from;
        this.to = to;
        this.text = text;
        this.reference = reference;
    }

    Delivery submit() {
        int total = text.texts().size();
        for (int part = 1; part <= total && delivery == null; part++) {
            byte[] body = text.encoding().encode(text.texts().get(part - 1));
            byte[] message = total == 1 ? body : new Concatenation(reference, total, part).prefix(body);
            delivery = submit(message, total == 1 ? new ESMClass() : new ESMClass(Concatenation.UDHI),
                    total == 1 ? "the message" : "part " + part + " of " + total);
        }
        if (delivery == null) {
            String first = ids.get(0);
            delivery = new Delivery.Accepted(first == null || first.isEmpty() ? null : first);
        }
        return delivery;
    }

    /** Null when the SMSC took the part (its id kept), else what became of the text. */
    private Delivery submit(byte[] message, ESMClass esmClass, String what) {
        try {
            String id = session.submitShortMessage(null, from.ton(), from.npi(), from.address(), to.ton(), to.npi(), to.address(),
                    esmClass, (byte) 0, (byte) 0, null, null, RECEIPT, (byte) 0, DataCodings.newInstance(text.encoding().dataCoding),
                    (byte) 0, message).getMessageId();
            ids.add(id);
            if (ids.size() > 1 && named(ids.get(0)) && named(id)) {
                ledger.remember(ids.get(0), List.of(id));
            }
            return null;
        } catch (NegativeResponseException e) {
            return CommandStatus.refusal(e.getCommandStatus(), what);
        } catch (ResponseTimeoutException e) {
            return new Delivery.Unavailable("the SMSC did not answer " + what + " in time");
        } catch (InvalidResponseException e) {
            return new Delivery.Unavailable("the SMSC answered " + what + " wrongly: " + e.getMessage());
        } catch (PDUException e) {
            return new Delivery.Rejected(what + " cannot be written as SMPP: " + e.getMessage());
        } catch (IOException e) {
            return new Delivery.Unavailable("the link to the SMSC failed sending " + what + ": " + e.getMessage());
        }
    }

    private static boolean named(String id) {
        return id != null && !id.isEmpty();
    }
}
