package org.consentry.store.tenant;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.consentry.ledger.ApiKeyIssued;
import org.consentry.ledger.ApiKeyRevoked;
import org.consentry.ledger.LedgerEvent;
import org.consentry.ledger.PlanChanged;
import org.consentry.ledger.SenderRegistered;
import org.consentry.ledger.SettingsChanged;
import org.consentry.ledger.TenantCreated;
import org.consentry.ledger.TenantStatusChanged;
import org.consentry.store.Ids;
import org.consentry.store.RequestRefused;
import org.consentry.store.keys.ApiKeys;
import org.consentry.store.ledger.Ledger;
import org.consentry.store.projection.Sender;
import org.consentry.store.projection.TenantDirectory;
import org.consentry.tenant.RestrictedIndustries;
import org.consentry.tenant.SenderKind;
import org.consentry.tenant.SenderStatus;
import org.consentry.tenant.TenantPlan;
import org.consentry.tenant.TenantProfile;
import org.consentry.tenant.TenantSettings;
import org.consentry.tenant.TenantStatus;

/** Creates tenants and changes their status, senders and settings. Changes that depend on current state are serialised. */
public final class Tenants {

    private final Ledger ledger;
    private final TenantDirectory directory;
    private final RestrictedIndustries restricted;
    private final ApiKeys keys;
    private final Ids ids;
    private final Object changes = new Object();

    public Tenants(Ledger ledger, TenantDirectory directory, RestrictedIndustries restricted, ApiKeys keys, Ids ids) {
        this.ledger = ledger;
        this.directory = directory;
        this.restricted = restricted;
        this.keys = keys;
        this.ids = ids;
    }

    public CreatedTenant create(NewTenant tenant) {
        Optional<String> category = restricted.categoryOf(tenant.industry());
        if (category.isPresent()) {
            throw new RequestRefused(RequestRefused.Kind.UNACCEPTABLE, "industry",
                    "'" + tenant.industry() + "' is a restricted industry (" + category.get() + ") that this provider does not serve");
        }
        String id = ids.next("ten");
        String key = keys.newTenantKey();
        ledger.append(id, List.of(
                new TenantCreated(tenant.name(), tenant.brand(), tenant.industry(), tenant.country(), tenant.postalAddress(),
                        tenant.supportContact()),
                new ApiKeyIssued(ids.next("key"), ApiKeys.hash(key))));
        return new CreatedTenant(profile(id), key);
    }

    /** A key issued: its id, the key itself (shown once, kept only as a hash) and when. */
    public record IssuedKey(String id, String key, java.time.Instant issuedAt) {
    }

    /** Issues the tenant another key; the ones it has stay in force until revoked (so a key can be replaced without a gap). */
    public IssuedKey issueKey(String tenant) {
        synchronized (changes) {
            profile(tenant);
            String key = keys.newTenantKey();
            String id = ids.next("key");
            java.time.Instant at = ledger.append(tenant, List.of(new ApiKeyIssued(id, ApiKeys.hash(key)))).get(0).recordedAt();
            return new IssuedKey(id, key, at);
        }
    }

    /**
     * Revokes one of the tenant's keys: from the answer on it opens nothing. The last key is not revoked (issue its
     * replacement first): the account would be left with no key of its own.
     */
    public java.time.Instant revokeKey(String tenant, String keyId) {
        synchronized (changes) {
            profile(tenant);
            List<TenantDirectory.ApiKey> held = directory.keysOf(tenant);
            if (held.stream().noneMatch(key -> key.id().equals(keyId))) {
                throw new RequestRefused(RequestRefused.Kind.NOT_FOUND, "key_id", "no key " + keyId + " in force for this tenant");
            }
            if (held.size() == 1) {
                throw new RequestRefused(RequestRefused.Kind.CONFLICT, "key_id",
                        keyId + " is the tenant's last key: issue its replacement (POST /v1/api-keys) before revoking it");
            }
            return ledger.append(tenant, List.of(new ApiKeyRevoked(keyId))).get(0).recordedAt();
        }
    }

    public TenantProfile profile(String id) {
        return directory.tenant(id).orElseThrow(() -> new RequestRefused(RequestRefused.Kind.NOT_FOUND, null, "no tenant " + id));
    }

    /** Suspends, resumes or terminates a tenant; termination is final. */
    public TenantProfile changeStatus(String id, TenantStatus status, String reason) {
        synchronized (changes) {
            TenantProfile current = profile(id);
            if (current.status() == TenantStatus.TERMINATED && status != TenantStatus.TERMINATED) {
                throw new RequestRefused(RequestRefused.Kind.CONFLICT, null, "tenant " + id + " is terminated; termination is final");
            }
            if (current.status() == status) {
                return current;
            }
            ledger.append(id, List.of(new TenantStatusChanged(status, reason)));
            return profile(id);
        }
    }

    /**
     * Registers a sender: {@code canonical} is E.164 for a phone, the upper-cased sender ID, or the lower-cased
     * domain. A phone number belongs to one tenant only; registering a verified sender again upgrades a pending one.
     */
    public Sender registerSender(String tenant, String canonical, SenderKind kind, boolean verified) {
        synchronized (changes) {
            profile(tenant);
            if (kind == SenderKind.PHONE) {
                // a number belongs to one account; only the provider's verification takes it from an account that merely
                // claimed it (pending), or a claim could keep a number from the account that really holds it
                Optional<String> owner = directory.ownerOfPhone(canonical);
                if (owner.isPresent() && !owner.get().equals(tenant) && (!verified || verifiedFor(owner.get(), kind, canonical))) {
                    throw new RequestRefused(RequestRefused.Kind.CONFLICT, "address", canonical + " is a sender of another account");
                }
            }
            if (kind == SenderKind.EMAIL_DOMAIN) {
                // a domain verified for one account is its own: another's claim would take its complaints and bounces
                Optional<String> owner = directory.ownerOfEmailDomain(canonical);
                if (owner.isPresent() && !owner.get().equals(tenant) && verifiedFor(owner.get(), kind, canonical)) {
                    throw new RequestRefused(RequestRefused.Kind.CONFLICT, "address", canonical + " is a verified domain of another account");
                }
                // a domain under another's verified one is theirs too (their mail from news.acme.example is verified by
                // acme.example): a claim would take the spam reports about that mail, and they would go on mailing the reporters
                Optional<String> parentOwner = directory.verifiedOwnerOfEmailDomain(canonical);
                if (!verified && parentOwner.isPresent() && !parentOwner.get().equals(tenant)) {
                    throw new RequestRefused(RequestRefused.Kind.CONFLICT, "address", canonical + " is under a verified domain of another account");
                }
            }
            Optional<Sender> existing = directory.sender(tenant, kind, canonical);
            SenderStatus status = verified ? SenderStatus.VERIFIED : SenderStatus.PENDING;
            if (existing.isPresent() && (existing.get().status() == SenderStatus.VERIFIED || existing.get().status() == status)) {
                return existing.get();
            }
            String id = existing.map(Sender::id).orElseGet(() -> ids.next("snd"));
            ledger.append(tenant, List.of(new SenderRegistered(id, canonical, kind, status)));
            return directory.sender(tenant, kind, canonical).orElseThrow();
        }
    }

    private boolean verifiedFor(String tenant, SenderKind kind, String canonical) {
        return directory.sender(tenant, kind, canonical).map(s -> s.status() == SenderStatus.VERIFIED).orElse(false);
    }

    /** The provider changes what the tenant's plan permits. */
    public TenantProfile changePlan(String tenant, TenantPlan plan) {
        synchronized (changes) {
            TenantProfile current = profile(tenant);
            if (!current.plan().equals(plan)) {
                ledger.append(tenant, List.of(new PlanChanged(plan)));
            }
            return profile(tenant);
        }
    }

    public TenantProfile updateSettings(String tenant, TenantSettings settings) {
        synchronized (changes) {
            TenantProfile current = profile(tenant);
            if (!current.settings().equals(settings)) {
                List<LedgerEvent> events = new ArrayList<>();
                events.add(new SettingsChanged(settings));
                ledger.append(tenant, events);
            }
            return profile(tenant);
        }
    }
}
