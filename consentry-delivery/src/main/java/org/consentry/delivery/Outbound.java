package org.consentry.delivery;

import java.time.Instant;
import java.util.Map;
import org.consentry.policy.Channel;

/**
 * A message as a connector delivers it: committed, its body final (any opt-out line added).
 *
 * @param id      the message's id, which a connector passes on where the protocol has room (an email's Message-ID)
 * @param to      the recipient: E.164, or the email address
 * @param headers email headers the sender gave (List-Unsubscribe and the like); empty for other channels
 */
public record Outbound(String id, String tenant, Channel channel, String from, String to, String subject, String body,
                       Map<String, String> headers, Instant committedAt) {

    public Outbound {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }
}
