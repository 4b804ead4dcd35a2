package org.consentry.policy;

import java.util.Objects;
import java.util.Set;
import org.consentry.consent.ContactState;
import org.consentry.content.MessageContent;
import org.consentry.recipient.Recipient;
import org.consentry.registry.RegistryFacts;
import org.consentry.tenant.EmailDomains;
import org.consentry.tenant.SenderStatus;
import org.consentry.tenant.TenantActivity;
import org.consentry.tenant.TenantProfile;

/**
 * Everything the rules may know about a send request, gathered before the engine runs.
 *
 * @param recipient   the parsed recipient with its time zones
 * @param tenant      the sending tenant
 * @param sender      whether {@code from} is a verified sender of the tenant
 * @param emailDomains the email domains verified for the tenant, for the addresses a message's headers name
 * @param contact     what the tenant's ledger says about the recipient
 * @param registry    what the provider's lists say about the recipient
 * @param content     the body, read once for every content rule
 * @param activity    the tenant's recent sending, for its rate limit
 * @param unavailable the stores that did not answer; the facts they give are then unknown
 */
public record Facts(
        Recipient recipient,
        TenantProfile tenant,
        SenderStatus sender,
        EmailDomains emailDomains,
        ContactState contact,
        RegistryFacts registry,
        MessageContent content,
        TenantActivity activity,
        Set<FactSource> unavailable) {

    public Facts {
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(emailDomains, "emailDomains");
        Objects.requireNonNull(contact, "contact");
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(activity, "activity");
        unavailable = Set.copyOf(unavailable);
    }

    /** False when the store behind {@code source} did not answer: rules that need it then leave the decision to STORE_UNAVAILABLE. */
    public boolean knows(FactSource source) {
        return !unavailable.contains(source);
    }
}
