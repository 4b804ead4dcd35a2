package org.consentry.store.registry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.consentry.ledger.LedgerEvent;
import org.consentry.ledger.NumbersReported;
import org.consentry.ledger.RegistryEntriesAdded;
import org.consentry.ledger.RegistryEntriesRemoved;
import org.consentry.recipient.LineType;
import org.consentry.store.ledger.Ledger;
import org.consentry.store.projection.ProviderLists;

/**
 * Changes to the provider's lists. Numbers are recorded in batches of {@value #BATCH} per event; what was
 * already on a list is not recorded again.
 */
public final class ProviderData {

    static final int BATCH = 1_000;

    private final Ledger ledger;
    private final ProviderLists lists;

    public ProviderData(Ledger ledger, ProviderLists lists) {
        this.ledger = ledger;
        this.lists = lists;
    }

    /** @return how many were added */
    public int add(String list, List<String> addresses, Instant asOf) {
        List<String> fresh = new ArrayList<>();
        for (String address : new LinkedHashSet<>(addresses)) {
            if (!lists.containsRecorded(list, address)) {
                fresh.add(address);
            }
        }
        List<LedgerEvent> events = new ArrayList<>();
        for (int from = 0; from < fresh.size(); from += BATCH) {
            events.add(new RegistryEntriesAdded(list, fresh.subList(from, Math.min(fresh.size(), from + BATCH)), asOf));
        }
        if (events.isEmpty() && asOf != null) {
            events.add(new RegistryEntriesAdded(list, List.of(), asOf));
        }
        ledger.append(ProviderLists.CHAIN, events);
        return fresh.size();
    }

    /** @return how many were removed */
    public int remove(String list, List<String> addresses) {
        List<String> present = new ArrayList<>();
        for (String address : new LinkedHashSet<>(addresses)) {
            if (lists.containsRecorded(list, address)) {
                present.add(address);
            }
        }
        List<LedgerEvent> events = new ArrayList<>();
        for (int from = 0; from < present.size(); from += BATCH) {
            events.add(new RegistryEntriesRemoved(list, present.subList(from, Math.min(present.size(), from + BATCH))));
        }
        ledger.append(ProviderLists.CHAIN, events);
        return present.size();
    }

    public int reportDisconnected(List<NumbersReported.Entry> entries) {
        return report(NumbersReported.DISCONNECTED, entries);
    }

    public int reportLineTypes(List<NumbersReported.Entry> entries) {
        return report(NumbersReported.LINE_TYPE, entries);
    }

    private int report(String kind, List<NumbersReported.Entry> entries) {
        List<LedgerEvent> events = new ArrayList<>();
        for (int from = 0; from < entries.size(); from += BATCH) {
            events.add(new NumbersReported(kind, entries.subList(from, Math.min(entries.size(), from + BATCH))));
        }
        ledger.append(ProviderLists.CHAIN, events);
        return entries.size();
    }

    public LineType lineTypeOf(String e164) {
        return lists.lineTypeOf(e164);
    }
}
