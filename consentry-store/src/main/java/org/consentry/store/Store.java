package org.consentry.store;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.consentry.address.EmailAddressParser;
import org.consentry.address.PhoneNumberParser;
import org.consentry.inbound.KeywordParser;
import org.consentry.jurisdiction.ZoneLookup;
import org.consentry.recipient.RecipientResolver;
import org.consentry.store.consent.Consents;
import org.consentry.store.consent.InternalDnc;
import org.consentry.store.consent.OptOuts;
import org.consentry.store.facts.LedgerFacts;
import org.consentry.store.inbound.SmsReplies;
import org.consentry.store.keys.AdminKeys;
import org.consentry.store.keys.ApiKeys;
import org.consentry.store.ledger.Ledger;
import org.consentry.store.projection.ContactBook;
import org.consentry.store.projection.TenantDirectory;
import org.consentry.store.sqlite.SqliteAdminKeys;
import org.consentry.store.sqlite.SqliteDatabase;
import org.consentry.store.sqlite.SqliteLedger;
import org.consentry.store.tenant.Tenants;
import org.consentry.tenant.RestrictedIndustries;

/**
 * The store's parts wired over one ledger: the projections it keeps current and the operations that append
 * to it. {@link #embedded} opens the SQLite file in a directory, replaying the ledger into the projections.
 */
public final class Store implements AutoCloseable {

    private final AutoCloseable database;
    private final Ledger ledger;
    private final AdminKeys adminKeys;
    private final TenantDirectory directory;
    private final ContactBook contacts;
    private final Tenants tenants;
    private final Consents consents;
    private final OptOuts optOuts;
    private final InternalDnc internalDnc;
    private final SmsReplies replies;
    private final LedgerFacts facts;
    private final PhoneNumberParser phones;
    private final EmailAddressParser emails;
    private final Ids ids;
    private final ApiKeys apiKeys;

    private Store(AutoCloseable database, Ledger ledger, AdminKeys adminKeys, TenantDirectory directory, ContactBook contacts,
                  Clock clock) {
        this.database = database;
        this.ledger = ledger;
        this.adminKeys = adminKeys;
        this.directory = directory;
        this.contacts = contacts;
        this.ids = new Ids(clock);
        this.apiKeys = new ApiKeys();
        this.phones = new PhoneNumberParser();
        this.emails = new EmailAddressParser();
        this.tenants = new Tenants(ledger, directory, RestrictedIndustries.load(), apiKeys, ids);
        this.consents = new Consents(ledger, contacts, ids);
        this.optOuts = new OptOuts(ledger, contacts);
        this.internalDnc = new InternalDnc(ledger, contacts);
        this.replies = new SmsReplies(KeywordParser.load(), optOuts, consents);
        this.facts = new LedgerFacts(new RecipientResolver(phones, emails, new ZoneLookup()), phones, emails, directory,
                contacts, ledger);
    }

    /** Opens the embedded store in {@code directory} (created if needed). */
    public static Store embedded(Path directory, Clock clock) {
        SqliteDatabase database = SqliteDatabase.open(directory);
        try {
            TenantDirectory tenants = new TenantDirectory();
            ContactBook contacts = new ContactBook();
            Ledger ledger = SqliteLedger.open(database, clock, List.of(tenants, contacts));
            return new Store(database, ledger, new SqliteAdminKeys(database), tenants, contacts, clock);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    public Ledger ledger() {
        return ledger;
    }

    public AdminKeys adminKeys() {
        return adminKeys;
    }

    public ApiKeys apiKeys() {
        return apiKeys;
    }

    public TenantDirectory directory() {
        return directory;
    }

    public ContactBook contacts() {
        return contacts;
    }

    public Tenants tenants() {
        return tenants;
    }

    public Consents consents() {
        return consents;
    }

    public OptOuts optOuts() {
        return optOuts;
    }

    public InternalDnc internalDnc() {
        return internalDnc;
    }

    public SmsReplies replies() {
        return replies;
    }

    public LedgerFacts facts() {
        return facts;
    }

    public PhoneNumberParser phones() {
        return phones;
    }

    public EmailAddressParser emails() {
        return emails;
    }

    public Ids ids() {
        return ids;
    }

    @Override public void close() {
        ledger.close();
        try {
            database.close();
        } catch (Exception e) {
            throw new IllegalStateException("closing the store failed", e);
        }
    }
}
