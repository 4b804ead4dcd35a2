package org.consentry.ledger;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.consentry.policy.Channel;
import org.consentry.policy.Purpose;

/**
 * An allowed send was committed ({@code commit: true}): it counts toward caps and duplicate detection,
 * and answers a traceback. The body is kept as its SHA-256 only, with the fingerprints duplicate detection
 * compares (the hash of the normalised body, and its words hashed).
 */
public record SendCommitted(String checkId, String address, Channel channel, Purpose purpose, String from,
                            Instant sendAt, String topic, String campaign, String bodySha256, String contentHash,
                            List<Long> shingles) implements LedgerEvent {

    public SendCommitted {
        shingles = shingles == null ? List.of() : List.copyOf(shingles);
    }

    /**
     * The send of an allowed request: {@code id} names it (the check's or the message's), {@code address} is the
     * recipient as resolved, {@code content} the body as read for the rules.
     */
    public static SendCommitted of(String id, String address, org.consentry.policy.SendRequest request,
                                   org.consentry.content.MessageContent content) {
        return new SendCommitted(id, address, request.channel(), request.purpose(), request.from(), request.sendAt(), request.topic(),
                request.campaign(), request.body() == null ? null : ChainHash.sha256(request.body()), content.contentHash(),
                content.shingles().toList());
    }

    @Override public EventType type() {
        return EventType.SEND_COMMITTED;
    }

    @Override public String subject() {
        return address;
    }

    @Override public Map<String, Object> fields() {
        Map<String, Object> fields = new HashMap<>();
        fields.put("check_id", checkId);
        fields.put("address", address);
        fields.put("channel", channel.wireName());
        fields.put("purpose", purpose.wireName());
        fields.put("from", from);
        fields.put("send_at", sendAt.toString());
        fields.put("topic", topic);
        fields.put("campaign", campaign);
        fields.put("body_sha256", bodySha256);
        fields.put("content_hash", contentHash);
        fields.put("shingles", shingles.isEmpty() ? null : shingles);
        return fields;
    }

    static SendCommitted read(EventFields f) {
        return new SendCommitted(f.string("check_id"), f.string("address"), f.enumValue("channel", Channel.class),
                f.enumValue("purpose", Purpose.class), f.string("from"), f.instant("send_at"), f.optionalString("topic"),
                f.optionalString("campaign"), f.optionalString("body_sha256"), f.optionalString("content_hash"), f.numbers("shingles"));
    }
}
