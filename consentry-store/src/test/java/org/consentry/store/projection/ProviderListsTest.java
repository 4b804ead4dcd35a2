package org.consentry.store.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.consentry.ledger.LedgerEntry;
import org.consentry.ledger.LedgerEvent;
import org.consentry.ledger.RegistryEntriesAdded;
import org.consentry.ledger.RegistryEntriesRemoved;
import org.junit.jupiter.api.Test;

class ProviderListsTest {

    private final ProviderLists lists = new ProviderLists();
    private long seq;

    private void apply(LedgerEvent event) {
        seq++;
        lists.apply(new LedgerEntry(seq, ProviderLists.CHAIN, seq, Instant.parse("2026-03-10T00:00:00Z"), event, "", ""));
    }

    /** The block list holds numbers and email addresses; an address that starts with a plus sign is still an address. */
    @Test
    void blocksAnEmailAddressThatStartsWithAPlusBesideNumbers() {
        apply(new RegistryEntriesAdded(ProviderLists.BLOCK, List.of("+news@example.com", "+13055550100"), null));
        assertThat(lists.containsRecorded(ProviderLists.BLOCK, "+news@example.com")).isTrue();
        assertThat(lists.containsRecorded(ProviderLists.BLOCK, "+13055550100")).isTrue();
        assertThat(lists.factsFor("+news@example.com").blocked()).isTrue();
        assertThat(lists.factsFor("+13055550100").blocked()).isTrue();
        assertThat(lists.factsFor("+13055550101").blocked()).isFalse();

        apply(new RegistryEntriesRemoved(ProviderLists.BLOCK, List.of("+news@example.com", "+13055550100")));
        assertThat(lists.factsFor("+news@example.com").blocked()).isFalse();
        assertThat(lists.factsFor("+13055550100").blocked()).isFalse();
    }

    @Test
    void aNumberIsOnTheNationalListUntilRemoved() {
        apply(new RegistryEntriesAdded(ProviderLists.NATIONAL, List.of("+13055550100", "+13055550101"),
                Instant.parse("2026-03-09T00:00:00Z")));
        apply(new RegistryEntriesAdded(ProviderLists.NATIONAL, List.of(), Instant.parse("2026-03-10T00:00:00Z")));
        assertThat(lists.factsFor("+13055550100").onNationalDnc()).isTrue();
        // text that is no E.164 number is on no list, and is answered (the lists read a number by its digits)
        for (String odd : new String[] {"+1 305 555 0100", "+1305555010012345", "+013055550100", "+", "+1305555O100"}) {
            assertThat(lists.factsFor(odd).onNationalDnc()).as(odd).isFalse();
            assertThat(lists.factsFor(odd).nationalAsOf()).as(odd).isEqualTo(Instant.parse("2026-03-10T00:00:00Z"));
        }
        assertThat(lists.asOf(ProviderLists.NATIONAL)).isEqualTo(Instant.parse("2026-03-10T00:00:00Z"));
        assertThat(lists.size(ProviderLists.NATIONAL)).isEqualTo(2);
        apply(new RegistryEntriesRemoved(ProviderLists.NATIONAL, List.of("+13055550100")));
        assertThat(lists.factsFor("+13055550100").onNationalDnc()).isFalse();
        assertThat(lists.factsFor("+13055550101").onNationalDnc()).isTrue();
        assertThat(lists.size(ProviderLists.NATIONAL)).isEqualTo(1);
    }
}
