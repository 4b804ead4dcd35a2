package org.consentry.store.testing;

import java.nio.file.Path;
import java.time.Instant;
import org.consentry.consent.ConsentMethod;
import org.consentry.ledger.ConsentEvidence;
import org.consentry.policy.Channel;
import org.consentry.policy.Purpose;
import org.consentry.store.Store;
import org.consentry.store.consent.NewConsent;
import org.consentry.store.tenant.CreatedTenant;
import org.consentry.store.tenant.NewTenant;
import org.consentry.tenant.SenderKind;

/** An embedded store in a directory, with a clock the test moves, and shortcuts for the usual setup. */
public final class StoreFixture implements AutoCloseable {

    public static final Instant START = Instant.parse("2026-03-14T16:00:00Z");

    private final Path directory;
    private final MutableClock clock = new MutableClock(START);
    private Store store;

    public StoreFixture(Path directory) {
        this.directory = directory;
        this.store = Store.embedded(directory, clock);
    }

    public Store store() {
        return store;
    }

    public MutableClock clock() {
        return clock;
    }

    /** Closes and opens the store again: every projection is rebuilt from the ledger. */
    public Store reopen() {
        store.close();
        store = Store.embedded(directory, clock);
        return store;
    }

    public CreatedTenant tenant(String brand) {
        return store.tenants().create(new NewTenant(brand + " Inc.", brand, "retail", "US", "1 Main St, Miami FL 33101",
                "help@" + brand.toLowerCase() + ".example"));
    }

    /** A tenant with +18005550199 as a verified sender. */
    public String tenantWithSender(String brand) {
        String id = tenant(brand).profile().id();
        store.tenants().registerSender(id, "+18005550199", SenderKind.PHONE, true);
        return id;
    }

    public static NewConsent smsMarketing(String address) {
        return new NewConsent(address, Channel.SMS, Purpose.MARKETING, ConsentMethod.WEB_FORM, START.minusSeconds(86_400),
                false, new ConsentEvidence("203.0.113.7", "Mozilla/5.0", "https://shop.example/join",
                "By checking this box you agree to receive up to 4 marketing texts a month.", "4/month"));
    }

    @Override public void close() {
        store.close();
    }
}
