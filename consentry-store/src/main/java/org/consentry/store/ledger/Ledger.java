package org.consentry.store.ledger;

import java.util.List;
import java.util.function.Consumer;
import org.consentry.ledger.ChainVerification;
import org.consentry.ledger.LedgerEntry;
import org.consentry.ledger.LedgerEvent;

/**
 * The append-only, hash-chained record of everything that happened, one chain per tenant. An append
 * returns only once its events are durable and every {@link LedgerListener} has seen them, so whatever is
 * acknowledged is both kept and in force. Implementations: {@code SqliteLedger} (embedded); the same
 * contract test will run against PostgreSQL.
 */
public interface Ledger extends AutoCloseable {

    /**
     * Appends events to the end of a tenant's chain, atomically and in order.
     *
     * @throws StoreUnavailableException when they could not be made durable; nothing of them was kept
     */
    default List<LedgerEntry> append(String tenant, List<LedgerEvent> events) {
        return append(tenant, events, null);
    }

    /**
     * Appends events and writes {@code alongside} in the same transaction: both are durable, or neither is. The events
     * may be none, when only the rows are to be written (they are then group-committed with the appends).
     *
     * @param alongside rows of the store's own tables, or null
     * @throws StoreUnavailableException when they could not be made durable; nothing of them was kept
     */
    List<LedgerEntry> append(String tenant, List<LedgerEvent> events, TableWrite alongside);

    /**
     * Erases a person's personal data with a tenant (GDPR art. 17): destroys the key their events were sealed under
     * and appends {@link org.consentry.ledger.SubjectErased} in the same transaction. Their events stay in the chain,
     * unreadable, and every hash still verifies; only a salted hash of the address is kept.
     *
     * @return the erasure's entry
     * @throws StoreUnavailableException when it could not be made durable; nothing was erased
     */
    LedgerEntry erase(String tenant, String address);

    /** The key a person's events with a tenant are sealed under, while it exists (proof bundles carry it). */
    java.util.Optional<byte[]> subjectKey(String tenant, String address);

    /** Every entry ever appended, in the global order. */
    void replay(Consumer<LedgerEntry> sink);

    /**
     * A tenant's events about one address (E.164 or lower-cased email), oldest first. Events of a person whose data
     * was erased come back as {@link org.consentry.ledger.ErasedEvent}s.
     */
    List<LedgerEntry> about(String tenant, String subject);

    /** A tenant's events about one consent, oldest first. */
    List<LedgerEntry> ofConsent(String tenant, String consentId);

    /** Walks a tenant's whole chain from its first event. */
    ChainVerification verify(String tenant);

    /** False after a write failed, until one succeeds again; the facts it gives are then not to be trusted. */
    boolean healthy();

    @Override void close();
}
