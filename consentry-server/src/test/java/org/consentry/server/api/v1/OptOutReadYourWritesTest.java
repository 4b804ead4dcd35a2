package org.consentry.server.api.v1;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.consentry.server.testing.HttpAnswer;
import org.junit.jupiter.api.Test;

/**
 * An opt-out acknowledged over HTTP is in force for the very next check, made by another thread on another connection:
 * pairs of threads, one recording opt-outs (by the API and by STOP replies) while the other checks the same numbers
 * (some with {@code commit: true}, so that sends are written beside the opt-outs). A check that began after the 2xx
 * must block with OPTED_OUT, and once a check blocked with it every later one does. Bounded by the number of
 * recipients, not by time.
 */
class OptOutReadYourWritesTest extends ServerWithAcme {

    private static final int PAIRS = 3;
    private static final int PER_PAIR = 12;

    private static String number(int pair, int k) {
        return "+13055550" + (100 + pair * PER_PAIR + k);
    }

    private HttpAnswer check(String to, boolean commit) {
        return server.post("/v1/checks", acme.key(), """
                {"channel": "sms", "from": "+18005550199", "to": "%s", "purpose": "marketing",
                 "body": "Acme: spring sale, 20%% off today. Reply STOP to opt out.", "commit": %s}""".formatted(to, commit));
    }

    private static boolean optedOut(HttpAnswer verdict) {
        return verdict.json().at("/reasons").findValuesAsText("code").contains("OPTED_OUT");
    }

    @Test
    void aCheckThatBeginsAfterTheOptOutsAnswerBlocks() throws Exception {
        for (int pair = 0; pair < PAIRS; pair++) {
            for (int k = 0; k < PER_PAIR; k++) {
                HttpAnswer consent = server.post("/v1/consents", acme.key(), """
                        {"address": "%s", "channel": "sms", "purpose": "marketing", "method": "web_form",
                         "captured_at": "2026-01-10T15:00:00Z", "confirmed": true}""".formatted(number(pair, k)));
                assertThat(consent.status()).as(consent.toString()).isEqualTo(201);
            }
        }
        HttpAnswer before = check(number(0, 0), false);
        assertThat(before.text("/decision")).as(before.toString()).isEqualTo("allow");

        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < PAIRS; p++) {
            int pair = p;
            AtomicIntegerArray acknowledged = new AtomicIntegerArray(PER_PAIR);
            threads.add(new Thread(() -> {
                for (int k = 0; k < PER_PAIR; k++) {
                    HttpAnswer answer = k % 2 == 0
                            ? server.post("/v1/opt-outs", acme.key(), "{\"address\": \"%s\", \"channel\": \"sms\"}".formatted(number(pair, k)))
                            : server.post("/v1/inbound/sms", acme.key(),
                                    "{\"from\": \"%s\", \"to\": \"+18005550199\", \"body\": \"STOP\"}".formatted(number(pair, k)));
                    if (answer.status() / 100 != 2) {
                        failures.add("opt-out of " + number(pair, k) + " refused: " + answer);
                    }
                    acknowledged.set(k, 1);
                }
            }, "opt-outs-" + pair));
            threads.add(new Thread(() -> {
                boolean[] blockedOnce = new boolean[PER_PAIR];
                boolean[] checkedAfter = new boolean[PER_PAIR];
                int left = PER_PAIR;
                for (int round = 0; left > 0 && failures.size() < 10; round++) {
                    int k = round % PER_PAIR;
                    boolean acked = acknowledged.get(k) == 1; // read before the check is sent
                    HttpAnswer verdict = check(number(pair, k), round % 3 == 0);
                    boolean blocked = optedOut(verdict);
                    if (acked && !blocked) {
                        failures.add(number(pair, k) + ": a check begun after the opt-out's answer was not blocked: " + verdict);
                    }
                    if (blockedOnce[k] && !blocked) {
                        failures.add(number(pair, k) + ": blocked for the opt-out, then not: " + verdict);
                    }
                    blockedOnce[k] |= blocked;
                    if (acked && !checkedAfter[k]) {
                        checkedAfter[k] = true;
                        left--;
                    }
                }
            }, "checks-" + pair));
        }
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join(60_000);
            assertThat(thread.isAlive()).as(thread.getName()).isFalse();
        }
        assertThat(failures).isEmpty();
    }
}
