package org.consentry.store.projection;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.consentry.ledger.LedgerEntry;
import org.consentry.ledger.LedgerEvent;
import org.consentry.ledger.NumbersReported;
import org.consentry.ledger.RegistryEntriesAdded;
import org.consentry.ledger.RegistryEntriesRemoved;
import org.consentry.recipient.LineType;
import org.consentry.registry.NanpRegistry;
import org.consentry.registry.NumberSet;
import org.consentry.registry.RegistryFacts;
import org.consentry.store.ledger.LedgerListener;
import org.consentry.store.registry.RegistrySnapshots;

/**
 * The provider's own lists, kept in its chain of the ledger ({@value #CHAIN}): the national and state
 * Do-Not-Call registry copies, its block list, numbers reported disconnected (reassigned numbers) and line
 * types. Phone numbers are held in compressed bitmaps. Beside them, the registry copies imported from the
 * registry's files ({@link RegistrySnapshots}): a number is on a list when either holds it, and a list's date
 * is the imported copy's when there is one.
 */
public final class ProviderLists implements LedgerListener {

    /** The ledger chain that holds the provider's events. */
    public static final String CHAIN = "provider";
    public static final String NATIONAL = "national";
    public static final String BLOCK = "block";
    public static final String STATE_PREFIX = "state:";

    private final Map<String, NumberSet> lists = new ConcurrentHashMap<>();
    private final Map<String, Instant> asOf = new ConcurrentHashMap<>();
    private final Set<String> blockedOthers = ConcurrentHashMap.newKeySet();
    private final Map<String, Instant> disconnected = new ConcurrentHashMap<>();
    private final Map<String, LineType> lineTypes = new ConcurrentHashMap<>();
    private final RegistrySnapshots snapshots;

    /** Lists kept in the ledger only. */
    public ProviderLists() {
        this(null);
    }

    /** Lists kept in the ledger and the imported copies in {@code snapshots}. */
    public ProviderLists(RegistrySnapshots snapshots) {
        this.snapshots = snapshots;
    }

    /** Waits until the imported copies put in force so far have been read against their checksums. */
    public void awaitRegistryChecks() {
        snapshots.awaitChecks();
    }

    public RegistryFacts factsFor(String address) {
        if (address == null) {
            return RegistryFacts.NONE;
        }
        boolean phone = isNumber(address);
        // the lists are read by the number's digits (as NumberSet.key and NanpRegistry.contains(long) read them), read once
        long digits = phone ? ContactIndex.phoneKey(address) : 0;
        if (phone && digits == 0) {
            return factsForOddNumber(address);
        }
        NanpRegistry nationalCopy = snapshots == null ? null : snapshots.get(NATIONAL); // asked once: it serves the look-up and the date
        boolean national = phone && (containsRecorded(NATIONAL, digits) || nationalCopy != null && nationalCopy.contains(digits));
        Set<String> states = Set.of();
        if (phone) {
            for (Map.Entry<String, NumberSet> list : lists.entrySet()) {
                if (list.getKey().startsWith(STATE_PREFIX) && list.getValue().contains(digits)) {
                    states = with(states, list.getKey().substring(STATE_PREFIX.length()));
                }
            }
            if (snapshots != null) {
                for (NanpRegistry copy : snapshots.all()) {
                    if (copy.list().startsWith(STATE_PREFIX) && copy.contains(digits)) {
                        states = with(states, copy.list().substring(STATE_PREFIX.length()));
                    }
                }
            }
        }
        boolean blocked;
        if (phone) {
            NanpRegistry blockCopy = snapshots == null ? null : snapshots.get(BLOCK);
            blocked = containsRecorded(BLOCK, digits) || blockCopy != null && blockCopy.contains(digits);
        } else {
            blocked = blockedOthers.contains(address);
        }
        // an imported copy that holds nothing of the number's area code was not downloaded for it (DNC_LIST_STALE)
        boolean covers = !phone || nationalCopy == null || !address.startsWith("+1") || nationalCopy.holdsAreaCodeOf(digits);
        return new RegistryFacts(national, nationalCopy != null ? nationalCopy.asOf() : asOf.get(NATIONAL), covers, states, blocked,
                disconnected.get(address));
    }

    /** The facts of something written as a number that is no E.164 number (no list holds it but by its text). */
    private RegistryFacts factsForOddNumber(String address) {
        NanpRegistry nationalCopy = snapshots == null ? null : snapshots.get(NATIONAL);
        return new RegistryFacts(false, nationalCopy != null ? nationalCopy.asOf() : asOf.get(NATIONAL), nationalCopy == null
                || !address.startsWith("+1"), Set.of(), false, disconnected.get(address));
    }

    /**
     * Brings the number's place in the imported national registry into the cache (see {@link NanpRegistry#touch});
     * the answer means nothing.
     */
    public long touch(long e164Digits) {
        NanpRegistry national = snapshots == null ? null : snapshots.get(NATIONAL);
        return national == null ? 0 : national.touch(e164Digits);
    }

    /** As {@link #touch} for each of many numbers (0: none), in a loop that does nothing else, so that the loads overlap. */
    public long touchAll(long[] e164Digits, int count) {
        NanpRegistry national = snapshots == null ? null : snapshots.get(NATIONAL);
        long touched = 0;
        if (national != null) {
            for (int i = 0; i < count; i++) {
                touched += national.touch(e164Digits[i]);
            }
        }
        return touched;
    }

    /** A number in E.164 (the block list also holds email addresses, and "+news@example.com" is one). */
    private static boolean isNumber(String address) {
        return address.startsWith("+") && address.indexOf('@') < 0;
    }

    private static Set<String> with(Set<String> states, String state) {
        if (states.contains(state)) {
            return states;
        }
        Set<String> more = new HashSet<>(states);
        more.add(state);
        return more;
    }

    public LineType lineTypeOf(String e164) {
        return lineTypes.getOrDefault(e164, LineType.UNKNOWN);
    }

    /**
     * The date of the list's copy: the imported copy's when there is one (a few numbers added through the API
     * with a later date do not make a stale registry fresh), else the newest date the API recorded.
     */
    public Instant asOf(String list) {
        NanpRegistry copy = snapshots == null ? null : snapshots.get(list);
        return copy != null ? copy.asOf() : asOf.get(list);
    }

    /** Lists whose imported copy could not be read: what they hold is unknown. */
    public java.util.Set<String> unreadable() {
        return snapshots == null ? java.util.Set.of() : snapshots.unreadable();
    }

    /** Lists whose first imported copy is still being read against its checksums: unknown until it passes. */
    public java.util.Set<String> checking() {
        return snapshots == null ? java.util.Set.of() : snapshots.checking();
    }

    /**
     * Whether any imported list is unknown (unreadable, or its copy not yet checked); asked on every check, so it
     * copies nothing, and asked before {@link #factsFor} reads the copies (see {@link RegistrySnapshots#anyUnknown}).
     */
    public boolean anyUnknown() {
        return snapshots != null && snapshots.anyUnknown();
    }

    /** The numbers recorded in the ledger on the list (not those of an imported copy). */
    public long size(String list) {
        NumberSet set = lists.get(list);
        return set == null ? 0 : set.size();
    }

    /** Whether the list holds the address: a number in E.164 (recorded or imported), or (on the block list) an email address. */
    public boolean contains(String list, String address) {
        if (containsRecorded(list, address)) {
            return true;
        }
        NanpRegistry copy = snapshots == null || !isNumber(address) ? null : snapshots.get(list);
        return copy != null && copy.contains(address);
    }

    private boolean containsRecorded(String list, long digits) {
        NumberSet set = lists.get(list);
        return set != null && set.contains(digits);
    }

    /** Whether the list's entries recorded in the ledger hold the address (those the API adds and removes). */
    public boolean containsRecorded(String list, String address) {
        if (!isNumber(address)) {
            return BLOCK.equals(list) && blockedOthers.contains(address);
        }
        NumberSet set = lists.get(list);
        return set != null && set.contains(address);
    }

    @Override public void apply(LedgerEntry entry) {
        if (!CHAIN.equals(entry.tenant())) {
            return;
        }
        LedgerEvent event = entry.event();
        if (event instanceof RegistryEntriesAdded) {
            RegistryEntriesAdded added = (RegistryEntriesAdded) event;
            NumberSet set = lists.computeIfAbsent(added.list(), list -> new NumberSet());
            List<String> numbers = new ArrayList<>(added.numbers().size());
            for (String address : added.numbers()) {
                if (isNumber(address)) {
                    numbers.add(address);
                } else {
                    blockedOthers.add(address);
                }
            }
            set.addAll(numbers);
            if (added.asOf() != null) {
                asOf.merge(added.list(), added.asOf(), (was, now) -> now.isAfter(was) ? now : was);
            }
        } else if (event instanceof RegistryEntriesRemoved) {
            RegistryEntriesRemoved removed = (RegistryEntriesRemoved) event;
            NumberSet set = lists.get(removed.list());
            List<String> numbers = new ArrayList<>(removed.numbers().size());
            for (String address : removed.numbers()) {
                if (!isNumber(address)) {
                    blockedOthers.remove(address);
                } else {
                    numbers.add(address);
                }
            }
            if (set != null) {
                set.removeAll(numbers);
            }
        } else if (event instanceof NumbersReported) {
            NumbersReported reported = (NumbersReported) event;
            for (NumbersReported.Entry report : reported.entries()) {
                if (NumbersReported.DISCONNECTED.equals(reported.kind())) {
                    disconnected.merge(report.number(), Instant.parse(report.value()), (was, now) -> now.isAfter(was) ? now : was);
                } else if (NumbersReported.LINE_TYPE.equals(reported.kind())) {
                    LineType.fromWire(report.value()).ifPresent(type -> lineTypes.put(report.number(), type));
                }
            }
        }
    }
}
