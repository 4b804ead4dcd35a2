package org.consentry.delivery.smpp;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.consentry.delivery.Reports;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an SMSC sends the connector in deliver_sm: a delivery receipt (esm_class "SMSC delivery receipt") is read and
 * told to {@link Reports#receipt}, a long text's parts told as one ({@link PartLedger}); anything else is a recipient's
 * text (MO), decoded by its data_coding, joined when it came in parts, and told to {@link Reports#reply}. Every deliver_sm
 * is answered with success once read, even one that cannot be understood (logged): sending it again would not help.
 */
final class SmscReports implements MessageReceiverListener {

    private static final Logger log = LoggerFactory.getLogger(SmscReports.class);

    private final String connector;
    private final Reports reports;
    private final PartLedger parts;
    private final Reassembly reassembly;
    private final Clock clock;

    SmscReports(String connector, Reports reports, PartLedger parts, Reassembly reassembly, Clock clock) {
        this.connector = connector;
        this.reports = reports;
        this.parts = parts;
        this.reassembly = reassembly;
        this.clock = clock;
    }

    @Override public void onAcceptDeliverSm(DeliverSm deliverSm) {
        try {
            if (MessageType.SMSC_DEL_RECEIPT.containedIn(deliverSm.getEsmClass())) {
                receipt(deliverSm);
            } else {
                reply(deliverSm);
            }
        } catch (RuntimeException e) {
            log.error("a deliver_sm from the SMSC ({} to {}) could not be handled", deliverSm.getSourceAddr(), deliverSm.getDestAddress(), e);
        }
    }

    private void receipt(DeliverSm deliverSm) {
        byte[] message = deliverSm.getShortMessage() == null ? new byte[0] : deliverSm.getShortMessage();
        String text = SmsEncoding.decode(deliverSm.getDataCoding(), message, 0);
        OptionalParameter.Receipted_message_id receipted = deliverSm.getOptionalParameter(OptionalParameter.Receipted_message_id.class);
        Optional<Receipt> read = Receipt.read(text, receipted == null ? null : receipted.getValueAsString());
        if (read.isEmpty()) {
            log.warn("a delivery receipt from the SMSC could not be read: {}", text);
            return;
        }
        Receipt receipt = read.get();
        Instant at = clock.instant();
        parts.reportAs(receipt.messageId(), receipt.outcome())
                .ifPresent(id -> reports.receipt(connector, id, receipt.outcome(), receipt.detail(), at));
    }

    private void reply(DeliverSm deliverSm) {
        byte[] message = deliverSm.getShortMessage() == null ? new byte[0] : deliverSm.getShortMessage();
        if (message.length == 0) {
            OptionalParameter.Message_payload payload = deliverSm.getOptionalParameter(OptionalParameter.Message_payload.class);
            message = payload == null ? message : payload.getValue();
        }
        UserData userData = UserData.read(message, deliverSm.isUdhi());
        String text = SmsEncoding.decode(deliverSm.getDataCoding(), message, userData.textFrom());
        String from = SmppAddress.phoneNumber(deliverSm.getSourceAddrTon(), deliverSm.getSourceAddr());
        String to = SmppAddress.phoneNumber(deliverSm.getDestAddrTon(), deliverSm.getDestAddress());
        Optional<String> whole = userData.concatenation() == null ? Optional.of(text) : reassembly.add(from, to, userData.concatenation(), text);
        Instant at = clock.instant();
        whole.ifPresent(body -> reports.reply(from, to, body, at));
    }

    @Override public void onAcceptAlertNotification(AlertNotification alertNotification) {
        // a handset is reachable again: nothing waits for it here
    }

    @Override public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
        throw new ProcessRequestException("data_sm is not taken here", 0x03); // ESME_RINVCMDID
    }
}
