package org.consentry.store.projection;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.consentry.ledger.ApiKeyIssued;
import org.consentry.ledger.ApiKeyRevoked;
import org.consentry.ledger.LedgerEntry;
import org.consentry.ledger.LedgerEvent;
import org.consentry.ledger.PlanChanged;
import org.consentry.ledger.SenderRegistered;
import org.consentry.ledger.SettingsChanged;
import org.consentry.ledger.TenantCreated;
import org.consentry.ledger.TenantStatusChanged;
import org.consentry.store.ledger.LedgerListener;
import org.consentry.tenant.SenderKind;
import org.consentry.tenant.SenderStatus;
import org.consentry.tenant.TenantProfile;
import org.consentry.tenant.TenantSettings;
import org.consentry.tenant.TenantStatus;

/** Every tenant with its status, settings, key hashes and senders, as the ledger says. */
public final class TenantDirectory implements LedgerListener {

    private final Map<String, TenantProfile> tenants = new ConcurrentHashMap<>();
    private final Map<String, String> tenantByKeyHash = new ConcurrentHashMap<>();
    /** Each tenant's keys in force, by id, in the order issued. */
    private final Map<String, Map<String, ApiKey>> keys = new ConcurrentHashMap<>();

    /** A tenant key in force: its id, its hash and when it was issued. */
    public record ApiKey(String id, String hash, java.time.Instant issuedAt) {
    }
    private final Map<String, Map<SenderKey, Sender>> senders = new ConcurrentHashMap<>();
    private final Map<String, String> phoneOwners = new ConcurrentHashMap<>();
    private final Map<String, String> emailDomainOwners = new ConcurrentHashMap<>();

    public Optional<TenantProfile> tenant(String id) {
        return Optional.ofNullable(id == null ? null : tenants.get(id));
    }

    /** Every tenant, whatever its status. */
    public Collection<TenantProfile> tenants() {
        return List.copyOf(tenants.values());
    }

    public Optional<String> tenantForKeyHash(String keyHash) {
        return Optional.ofNullable(tenantByKeyHash.get(keyHash));
    }

    /** The tenant's keys in force, oldest first. */
    public List<ApiKey> keysOf(String tenant) {
        Map<String, ApiKey> held = keys.get(tenant);
        if (held == null) {
            return List.of();
        }
        synchronized (held) { // a synchronized map's views are walked under its lock
            return List.copyOf(held.values());
        }
    }

    /** The tenant a phone sender belongs to, verified or pending. */
    /**
     * Records the tenant as the sender's owner, unless another tenant has it verified and this registration is only
     * pending: a claim never takes a verified number or domain away (ledgers written before such claims were refused).
     */
    private void own(Map<String, String> owners, String tenant, Sender sender) {
        String current = owners.get(sender.address());
        boolean currentVerified = current != null && !current.equals(tenant)
                && sender(current, sender.kind(), sender.address()).map(s -> s.status() == SenderStatus.VERIFIED).orElse(false);
        if (!currentVerified || sender.status() == SenderStatus.VERIFIED) {
            owners.put(sender.address(), tenant);
        }
    }

    public Optional<String> ownerOfPhone(String e164) {
        return Optional.ofNullable(phoneOwners.get(e164));
    }

    /** The tenant an email domain (or a parent of it: news.acme.example is acme.example's) belongs to, verified or pending. */
    public Optional<String> ownerOfEmailDomain(String domain) {
        for (String candidate = domain; candidate != null; candidate = parent(candidate)) {
            String owner = emailDomainOwners.get(candidate);
            if (owner != null) {
                return Optional.of(owner);
            }
        }
        return Optional.empty();
    }

    /** The tenant that verified the domain or the nearest parent of it that some tenant verified. */
    public Optional<String> verifiedOwnerOfEmailDomain(String domain) {
        for (String candidate = domain; candidate != null; candidate = parent(candidate)) {
            String owner = emailDomainOwners.get(candidate);
            if (owner != null && sender(owner, SenderKind.EMAIL_DOMAIN, candidate).map(s -> s.status() == SenderStatus.VERIFIED).orElse(false)) {
                return Optional.of(owner);
            }
        }
        return Optional.empty();
    }

    public Collection<Sender> senders(String tenant) {
        Map<SenderKey, Sender> own = senders.get(tenant);
        if (own == null) {
            return List.of();
        }
        return own.values().stream() // in an order that does not change between restarts
                .sorted(java.util.Comparator.comparing((Sender sender) -> sender.kind().wireName()).thenComparing(Sender::address))
                .toList();
    }

    public Optional<Sender> sender(String tenant, SenderKind kind, String canonical) {
        Map<SenderKey, Sender> own = senders.get(tenant);
        Sender sender = own == null ? null : own.get(key(kind, canonical));
        return Optional.ofNullable(sender);
    }

    /**
     * Where an email domain stands for a tenant: verified when it or a parent domain is verified (a verified
     * {@code acme.example} covers {@code news.acme.example}).
     */
    public SenderStatus emailDomainStatus(String tenant, String domain) {
        SenderStatus best = SenderStatus.UNKNOWN;
        for (String candidate = domain; candidate != null; candidate = parent(candidate)) {
            SenderStatus status = sender(tenant, SenderKind.EMAIL_DOMAIN, candidate).map(Sender::status).orElse(SenderStatus.UNKNOWN);
            if (status == SenderStatus.VERIFIED) {
                return status;
            }
            if (status == SenderStatus.PENDING && candidate.equals(domain)) {
                best = status;
            }
        }
        return best;
    }

    @Override public void apply(LedgerEntry entry) {
        String tenant = entry.tenant();
        LedgerEvent event = entry.event();
        if (event instanceof TenantCreated) {
            TenantCreated created = (TenantCreated) event;
            tenants.put(tenant, new TenantProfile(tenant, created.name(), created.brand(), created.industry(), created.country(),
                    created.postalAddress(), created.supportContact(), TenantStatus.ACTIVE, null, TenantSettings.DEFAULTS, null));
        } else if (event instanceof TenantStatusChanged) {
            TenantStatusChanged changed = (TenantStatusChanged) event;
            tenants.computeIfPresent(tenant, (id, profile) -> profile.withStatus(changed.status(), changed.reason()));
        } else if (event instanceof SettingsChanged) {
            tenants.computeIfPresent(tenant, (id, profile) -> profile.withSettings(((SettingsChanged) event).settings()));
        } else if (event instanceof PlanChanged) {
            tenants.computeIfPresent(tenant, (id, profile) -> profile.withPlan(((PlanChanged) event).plan()));
        } else if (event instanceof ApiKeyIssued) {
            ApiKeyIssued issued = (ApiKeyIssued) event;
            tenantByKeyHash.put(issued.keyHash(), tenant);
            keys.computeIfAbsent(tenant, id -> java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>()))
                    .put(issued.keyId(), new ApiKey(issued.keyId(), issued.keyHash(), entry.recordedAt()));
        } else if (event instanceof ApiKeyRevoked) {
            Map<String, ApiKey> held = keys.get(tenant);
            ApiKey revoked = held == null ? null : held.remove(((ApiKeyRevoked) event).keyId());
            if (revoked != null) {
                tenantByKeyHash.remove(revoked.hash(), tenant); // from this event on, the key opens nothing
            }
        } else if (event instanceof SenderRegistered) {
            SenderRegistered registered = (SenderRegistered) event;
            Sender sender = new Sender(registered.senderId(), registered.address(), registered.kind(), registered.status());
            senders.computeIfAbsent(tenant, id -> new ConcurrentHashMap<>()).put(key(sender.kind(), sender.address()), sender);
            if (sender.kind() == SenderKind.PHONE) {
                own(phoneOwners, tenant, sender);
            } else if (sender.kind() == SenderKind.EMAIL_DOMAIN) {
                own(emailDomainOwners, tenant, sender);
            }
        }
    }

    private static SenderKey key(SenderKind kind, String canonical) {
        return new SenderKey(kind, canonical);
    }

    /**
     * A sender as the tenant registered it: a number, a sender id or an email domain (the same text may be two kinds).
     * Its hash is written out: a record's generated one costs a method-handle chain on every check.
     */
    private record SenderKey(SenderKind kind, String canonical) {

        @Override
        public boolean equals(Object other) {
            return other instanceof SenderKey key && kind == key.kind && canonical.equals(key.canonical);
        }

        @Override
        public int hashCode() {
            return 31 * kind.ordinal() + canonical.hashCode();
        }
    }

    private static String parent(String domain) {
        int dot = domain.indexOf('.');
        String rest = dot < 0 ? null : domain.substring(dot + 1);
        return rest == null || rest.indexOf('.') < 0 ? null : rest;
    }
}
