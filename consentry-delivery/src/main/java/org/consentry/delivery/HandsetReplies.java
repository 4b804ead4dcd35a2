package org.consentry.delivery;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.consentry.policy.Channel;
import org.consentry.policy.Purpose;
import org.consentry.policy.SendRequest;
import org.consentry.store.Ids;
import org.consentry.store.inbound.ReplyAction;
import org.consentry.store.inbound.ReplyOutcome;
import org.consentry.store.inbound.SmsReplies;
import org.consentry.store.projection.TenantDirectory;
import org.consentry.tenant.TenantProfile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Texts from handsets heard by a connector (an SMSC's deliver_sm): handled as {@code POST /v1/inbound/sms} handles
 * them, for the tenant that owns the number texted (STOP opts out at once), and the one reply the keyword calls for
 * (the opt-out confirmation, HELP's answer) sent back from that number through the outbox, judged like any message.
 */
public final class HandsetReplies implements Dispatcher.ReplySink {

    private static final Logger log = LoggerFactory.getLogger(HandsetReplies.class);

    private final SmsReplies replies;
    private final TenantDirectory tenants;
    private final Sends sends;
    private final Ids ids;

    public HandsetReplies(SmsReplies replies, TenantDirectory tenants, Sends sends, Ids ids) {
        this.replies = replies;
        this.tenants = tenants;
        this.sends = sends;
        this.ids = ids;
    }

    @Override public void reply(String from, String to, String body, Instant at) {
        Optional<TenantProfile> tenant = tenants.ownerOfPhone(to).flatMap(tenants::tenant);
        if (tenant.isEmpty()) {
            log.warn("a text from {} to {} reached no account: {} is no tenant's number", from, to, to);
            return;
        }
        ReplyOutcome outcome = replies.handle(tenant.get(), from, to, body == null ? "" : body, at);
        log.info("a text from {} to {} ({}) was read as {}", from, to, tenant.get().id(), outcome.action());
        if (outcome.reply() == null) {
            return;
        }
        Purpose purpose = outcome.action() == ReplyAction.OPT_OUT ? Purpose.OPT_OUT_CONFIRMATION : Purpose.INFORMATIONAL;
        SendRequest answer = new SendRequest(Channel.SMS, to, from, purpose, outcome.reply(), null, Map.of(), at, "US", null, false, false,
                false, null, null, true);
        Sends.Judged judged = sends.accept(tenant.get(), ids.next("msg"), answer, Sends.Key.NONE, ignored -> null);
        if (!judged.verdict().allowed()) {
            log.warn("the reply to {} was not sent: {}", from, judged.verdict().reasons());
        }
    }
}
