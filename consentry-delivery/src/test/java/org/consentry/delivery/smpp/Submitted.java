package org.consentry.delivery.smpp;

/** A submit_sm as {@link TestSmsc} received it, with the message id it gave (null when it refused it). */
public record Submitted(String messageId, byte sourceTon, byte sourceNpi, String source, byte destTon, byte destNpi,
                 String destination, byte dataCoding, byte esmClass, byte registeredDelivery, byte[] shortMessage) {

    UserData userData() {
        return UserData.read(shortMessage, (esmClass & Concatenation.UDHI) != 0);
    }

    /** This submit's own text, without its header. */
    public String text() {
        return SmsEncoding.decode(dataCoding, shortMessage, userData().textFrom());
    }
}
