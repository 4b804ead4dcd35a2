package org.consentry.store.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.consentry.ledger.LedgerEntry;
import org.consentry.ledger.SendCommitted;
import org.consentry.policy.Channel;
import org.consentry.policy.Purpose;
import org.junit.jupiter.api.Test;

class TenantActivityBookTest {

    private static final Instant NOW = Instant.parse("2026-03-14T16:00:00Z");

    private final TenantActivityBook book = new TenantActivityBook();
    private long seq;

    /** A send committed at {@code recordedAt} for {@code sendAt}. */
    private void sent(Instant recordedAt, Instant sendAt) {
        seq++;
        book.apply(new LedgerEntry(seq, "acme", seq, recordedAt, new SendCommitted("chk_" + seq, "+13055550100", Channel.SMS,
                Purpose.MARKETING, "+18005550199", sendAt, null, null, null, null, List.of()), "", ""));
    }

    private List<Instant> minuteUpTo(Instant at) {
        return book.activityOf("acme", at).lastMinute();
    }

    @Test
    void aSendForALaterMinuteLeavesThisMinutesSendsCounted() {
        sent(NOW, NOW.minusSeconds(20));
        sent(NOW, Instant.parse("2030-06-03T16:00:00Z"));
        sent(NOW, NOW);
        assertThat(minuteUpTo(NOW)).containsExactly(NOW.minusSeconds(20), NOW);
        assertThat(minuteUpTo(Instant.parse("2030-06-03T16:00:30Z"))).containsExactly(Instant.parse("2030-06-03T16:00:00Z"));
    }

    @Test
    void theMinuteIsTheSameWhateverOrderItsSendsCameIn() {
        sent(NOW, NOW.plusSeconds(50));
        sent(NOW, NOW.plusSeconds(10));
        sent(NOW, NOW.plusSeconds(10));
        sent(NOW, NOW.plusSeconds(30));
        assertThat(minuteUpTo(NOW.plusSeconds(40))).containsExactly(NOW.plusSeconds(10), NOW.plusSeconds(10), NOW.plusSeconds(30));
    }

    /** After the minute's start, not after its end: a send exactly a minute before has left it. */
    @Test
    void theMinuteHoldsItsEndButNotItsStart() {
        sent(NOW, NOW);
        assertThat(minuteUpTo(NOW)).containsExactly(NOW);
        assertThat(minuteUpTo(NOW.plusSeconds(59))).containsExactly(NOW);
        assertThat(minuteUpTo(NOW.plusSeconds(60))).isEmpty();
        assertThat(minuteUpTo(NOW.minusSeconds(1))).isEmpty();
    }

    /** Sends long gone are let go as the ledger's time passes; those of the future stay until their time. */
    @Test
    void forgetsSendsLongBeforeTheLedgersTimeAndKeepsTheFuture() {
        Instant later = NOW.plusSeconds(3_600);
        sent(NOW, NOW);
        sent(NOW, later);
        sent(NOW.plusSeconds(600), NOW.plusSeconds(600));
        assertThat(minuteUpTo(NOW.plusSeconds(30))).isEmpty();
        assertThat(minuteUpTo(later)).containsExactly(later);
        assertThat(book.activityOf("globex", NOW).lastMinute()).isEmpty();
    }
}
