package org.consentry.store.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.consentry.consent.ConsentMethod;
import org.consentry.consent.ConsentStatus;
import org.consentry.ledger.ChainHash;
import org.consentry.ledger.ChainVerification;
import org.consentry.ledger.ConsentEvidence;
import org.consentry.ledger.ConsentGranted;
import org.consentry.ledger.ConsentRevoked;
import org.consentry.ledger.InternalDncAdded;
import org.consentry.ledger.LedgerEntry;
import org.consentry.ledger.LedgerEvent;
import org.consentry.ledger.TenantCreated;
import org.consentry.policy.Channel;
import org.consentry.policy.Purpose;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Ledger} must do, whatever keeps it. Run against each implementation by a subclass that
 * says how to open (and reopen) one and how to tamper with a stored event behind its back.
 */
public abstract class LedgerContract {

    protected static final Instant AT = Instant.parse("2026-03-14T16:00:00Z");

    private final List<Ledger> opened = new ArrayList<>();

    /** Opens the ledger under test, replaying what it holds into the listeners. Repeated calls reopen the same ledger. */
    protected abstract Ledger openLedger(List<LedgerListener> listeners);

    /** Changes the stored payload of one event, bypassing the ledger. */
    protected abstract void tamper(String tenant, long tenantSeq, String payload) throws Exception;

    protected Ledger open(List<LedgerListener> listeners) {
        Ledger ledger = openLedger(listeners);
        opened.add(ledger);
        return ledger;
    }

    protected Ledger open() {
        return open(List.of());
    }

    @AfterEach
    void closeLedgers() {
        for (Ledger ledger : opened) {
            ledger.close();
        }
    }

    protected static LedgerEvent dnc(int i) {
        return new InternalDncAdded("+1305555" + String.format("%04d", i), AT);
    }

    @Test
    void anAppendComesBackWithItsPlaceInTheChain() {
        Ledger ledger = open();
        List<LedgerEntry> first = ledger.append("ten_a", List.of(new TenantCreated("A", "A", "retail", "US", null, null), dnc(1)));
        List<LedgerEntry> second = ledger.append("ten_a", List.of(dnc(2)));
        assertThat(first).extracting(LedgerEntry::tenantSeq).containsExactly(1L, 2L);
        assertThat(first.get(0).prevHash()).isEqualTo(ChainHash.GENESIS);
        assertThat(first.get(1).prevHash()).isEqualTo(first.get(0).hash());
        assertThat(second.get(0).prevHash()).isEqualTo(first.get(1).hash());
        assertThat(second.get(0).seq()).isGreaterThan(first.get(1).seq());
    }

    @Test
    void eachTenantHasItsOwnChain() {
        Ledger ledger = open();
        ledger.append("ten_a", List.of(dnc(1), dnc(2)));
        List<LedgerEntry> b = ledger.append("ten_b", List.of(dnc(1)));
        assertThat(b.get(0).tenantSeq()).isEqualTo(1);
        assertThat(b.get(0).prevHash()).isEqualTo(ChainHash.GENESIS);
        assertThat(ledger.verify("ten_a")).isEqualTo(ChainVerification.intact(2, ledger.about("ten_a", "+13055550002").get(0).hash()));
        assertThat(ledger.verify("ten_b").intact()).isTrue();
        assertThat(ledger.verify("ten_nobody")).isEqualTo(ChainVerification.intact(0, ChainHash.GENESIS));
    }

    @Test
    void everythingAppendedReadsBackTheSameAfterReopening() {
        Ledger ledger = open();
        List<LedgerEntry> written = new ArrayList<>();
        written.addAll(ledger.append("ten_a", List.of(new TenantCreated("A", "A", "retail", "US", "1 Main St", "help@a.example"))));
        written.addAll(ledger.append("ten_a", List.of(consent("con_1", "+13055550100"))));
        written.addAll(ledger.append("ten_b", List.of(dnc(7))));
        ledger.close();
        opened.remove(ledger);

        List<LedgerEntry> replayed = new ArrayList<>();
        Ledger reopened = open(List.of(replayed::add));
        assertThat(replayed).isEqualTo(written);
        List<LedgerEntry> again = new ArrayList<>();
        reopened.replay(again::add);
        assertThat(again).isEqualTo(written);
        List<LedgerEntry> next = reopened.append("ten_a", List.of(dnc(3)));
        assertThat(next.get(0).tenantSeq()).as("the chain continues after a reopen").isEqualTo(3);
        assertThat(reopened.verify("ten_a").intact()).isTrue();
    }

    @Test
    void listenersSeeEveryEntryOnceInOrderBeforeTheAppendReturns() {
        List<LedgerEntry> seen = Collections.synchronizedList(new ArrayList<>());
        Ledger ledger = open(List.of(seen::add));
        List<LedgerEntry> entries = ledger.append("ten_a", List.of(dnc(1), dnc(2)));
        assertThat(seen).isEqualTo(entries);
    }

    @Test
    void findsATenantsEventsByAddressAndByConsent() {
        Ledger ledger = open();
        ledger.append("ten_a", List.of(consent("con_1", "+13055550100"), consent("con_2", "+13055550101")));
        ledger.append("ten_b", List.of(consent("con_3", "+13055550100")));
        ledger.append("ten_a", List.of(new ConsentRevoked("con_1", "+13055550100", AT, "api", false)));
        assertThat(ledger.about("ten_a", "+13055550100")).extracting(e -> e.event().type().storedName())
                .containsExactly("consent.granted", "consent.revoked");
        assertThat(ledger.ofConsent("ten_a", "con_1")).hasSize(2);
        assertThat(ledger.ofConsent("ten_b", "con_1")).as("another tenant's consent").isEmpty();
    }

    @Test
    void appendingNothingWritesNothing() {
        Ledger ledger = open();
        assertThat(ledger.append("ten_a", List.of())).isEmpty();
        assertThat(ledger.verify("ten_a").length()).isZero();
    }

    @Test
    void concurrentAppendsAllLandOnceInTheirTenantsOrder() throws Exception {
        Ledger ledger = open();
        int threads = 8;
        int appendsPerThread = 250;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<List<Long>>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            String tenant = "ten_" + (t % 3);
            int thread = t;
            futures.add(pool.submit(() -> {
                List<Long> seqs = new ArrayList<>();
                for (int i = 0; i < appendsPerThread; i++) {
                    seqs.add(ledger.append(tenant, List.of(dnc(thread * 1000 + i))).get(0).tenantSeq());
                }
                return seqs;
            }));
        }
        Map<Integer, List<Long>> byThread = new HashMap<>();
        for (int t = 0; t < threads; t++) {
            byThread.put(t, futures.get(t).get());
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        byThread.values().forEach(seqs -> assertThat(seqs).isSorted());
        long total = 0;
        for (int tenant = 0; tenant < 3; tenant++) {
            ChainVerification verification = ledger.verify("ten_" + tenant);
            assertThat(verification.intact()).isTrue();
            total += verification.length();
        }
        assertThat(total).isEqualTo((long) threads * appendsPerThread);
        List<LedgerEntry> all = new ArrayList<>();
        ledger.replay(all::add);
        assertThat(all).extracting(LedgerEntry::seq).isSorted().doesNotHaveDuplicates().hasSize(threads * appendsPerThread);
    }

    @Test
    void aTamperedEventBreaksTheChainFromThatEventOn() throws Exception {
        Ledger ledger = open();
        ledger.append("ten_a", List.of(dnc(1), dnc(2), dnc(3)));
        tamper("ten_a", 2, "{\"at\":\"2026-03-14T16:00:00Z\",\"number\":\"+13055559999\"}");
        ChainVerification verification = ledger.verify("ten_a");
        assertThat(verification.intact()).isFalse();
        assertThat(verification.brokenAt()).isEqualTo(2);
        assertThat(verification.length()).isEqualTo(1);
    }

    @Test
    void anEventAboutAPersonIsSealedUnderTheirOwnKey() {
        Ledger ledger = open();
        LedgerEntry entry = ledger.append("ten_a", List.of(consent("con_1", "+13055550100"))).get(0);
        assertThat(entry.sealed()).isNotNull();
        assertThat(entry.hashedFields()).containsOnlyKeys(org.consentry.ledger.SealedFields.MEMBER);
        assertThat(entry.sealed()).doesNotContain("3055550100");
        byte[] key = ledger.subjectKey("ten_a", "+13055550100").orElseThrow();
        assertThat(org.consentry.ledger.SealedFields.open(key, org.consentry.ledger.SealedFields.context("ten_a", "consent.granted"),
                entry.sealed())).hasValueSatisfying(json -> assertThat(json).contains("+13055550100", "203.0.113.7"));
        assertThat(ledger.subjectKey("ten_b", "+13055550100")).as("a key per tenant").isEmpty();
        assertThat(ledger.append("ten_a", List.of(new TenantCreated("A", "A", "retail", "US", null, null))).get(0).sealed())
                .as("events about no one stay in clear").isNull();
    }

    @Test
    void anErasureLeavesThePersonUnreadableAndTheChainWhole() {
        Ledger ledger = open();
        List<LedgerEntry> before = ledger.append("ten_a", List.of(consent("con_1", "+13055550100"), consent("con_2", "+13055550101"), dnc(100)));
        ledger.append("ten_b", List.of(consent("con_3", "+13055550100")));
        LedgerEntry erasure = ledger.erase("ten_a", "+13055550100");
        assertThat(((org.consentry.ledger.SubjectErased) erasure.event()).subjectRef()).startsWith("s_");
        assertThat(ledger.subjectKey("ten_a", "+13055550100")).isEmpty();

        List<LedgerEntry> gone = ledger.about("ten_a", "+13055550100");
        assertThat(gone).hasSize(2).allMatch(LedgerEntry::erased);
        assertThat(gone.get(0).event().type().storedName()).isEqualTo("consent.granted");
        assertThat(gone.get(0).hash()).isEqualTo(before.get(0).hash());
        assertThat(gone.get(1).event().type().storedName()).isEqualTo("internal_dnc.added");
        assertThat(ledger.about("ten_a", "+13055550101").get(0).erased()).isFalse();
        assertThat(ledger.about("ten_b", "+13055550100").get(0).erased()).as("another tenant's record is its own").isFalse();
        assertThat(ledger.verify("ten_a").intact()).isTrue();
        assertThat(ledger.verify("ten_a").length()).isEqualTo(4);

        ledger.close();
        opened.remove(ledger);
        List<LedgerEntry> replayed = new ArrayList<>();
        Ledger reopened = open(List.of(replayed::add));
        assertThat(replayed.stream().filter(LedgerEntry::erased)).hasSize(2);
        assertThat(replayed.get(replayed.size() - 1).event()).isEqualTo(new org.consentry.ledger.SubjectErased(
                ((org.consentry.ledger.SubjectErased) erasure.event()).subjectRef(), null));
        assertThat(reopened.verify("ten_a").intact()).isTrue();
        assertThat(reopened.append("ten_a", List.of(consent("con_4", "+13055550100"))).get(0).sealed())
                .as("a person who comes back gets a new key").isNotNull();
        assertThat(reopened.about("ten_a", "+13055550100")).extracting(LedgerEntry::erased).containsExactly(true, true, false);
    }

    @Test
    void aPersonErasedWhileTheirNextEventIsOnItsWayStaysErased() throws Exception {
        Ledger ledger = open();
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            for (int i = 0; i < 100; i++) {
                String address = "+1305556" + String.format("%04d", i);
                String second = "con_b" + i;
                ledger.append("ten_a", List.of(consent("con_a" + i, address)));
                java.util.concurrent.Future<?> erase = threads.submit(() -> ledger.erase("ten_a", address));
                java.util.concurrent.Future<?> again = threads.submit(() -> ledger.append("ten_a", List.of(consent(second, address))));
                erase.get();
                again.get();
                assertThat(ledger.about("ten_a", address).get(0).erased()).as("%s's first consent, erased", address).isTrue();
            }
        } finally {
            threads.shutdownNow();
        }
        ledger.close();
        opened.remove(ledger);
        Ledger reopened = open();
        assertThat(reopened.about("ten_a", "+13055560042").get(0).erased()).as("after a restart too").isTrue();
        assertThat(reopened.verify("ten_a").intact()).isTrue();
    }

    @Test
    void aPersonWhoComesBackAfterAnErasureGetsAKeyOfTheirOwn() {
        Ledger ledger = open();
        ledger.append("ten_a", List.of(consent("con_1", "+13055550100")));
        ledger.erase("ten_a", "+13055550100");
        ledger.append("ten_a", List.of(consent("con_2", "+13055550100")));
        ledger.erase("ten_a", "+13055550100");
        ledger.append("ten_a", List.of(consent("con_3", "+13055550100")));
        assertThat(ledger.about("ten_a", "+13055550100")).extracting(LedgerEntry::erased).containsExactly(true, true, false);
    }

    protected static ConsentGranted consent(String id, String address) {
        return new ConsentGranted(id, address, Channel.SMS, Purpose.MARKETING, ConsentMethod.WEB_FORM, ConsentStatus.ACTIVE,
                AT, true, new ConsentEvidence("203.0.113.7", "Mozilla/5.0", "https://shop.example/join",
                "By checking this box you agree to receive marketing texts.", "4/month"));
    }
}
