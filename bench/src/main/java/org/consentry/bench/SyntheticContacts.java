package org.consentry.bench;

import java.time.Instant;
import java.util.EnumSet;
import org.consentry.consent.ConsentMethod;
import org.consentry.consent.ConsentStatus;
import org.consentry.consent.RelationshipKind;
import org.consentry.ledger.ConsentEvidence;
import org.consentry.ledger.ConsentGranted;
import org.consentry.ledger.ConsentRevoked;
import org.consentry.ledger.LedgerEntry;
import org.consentry.ledger.LedgerEvent;
import org.consentry.ledger.OptedOut;
import org.consentry.ledger.RelationshipRecorded;
import org.consentry.policy.Channel;
import org.consentry.policy.OptOutScope;
import org.consentry.policy.Purpose;
import org.consentry.store.projection.ContactBook;

/**
 * A tenant with many recipients, made by applying ledger events to the projection as a replay would: each
 * recipient has one SMS marketing consent; one in twenty is pending, one in twenty revoked, one in thirty
 * opted out. Recipients are spread over area codes in several time zones (and the two of Alaska).
 */
final class SyntheticContacts {

    static final String TENANT = "ten_bench";
    static final int[] AREA_CODES = {212, 305, 312, 415, 713, 206, 404, 617, 702, 907, 303, 602};
    private static final Instant CAPTURED = Instant.parse("2026-01-10T15:00:00Z");
    private static final ConsentEvidence EVIDENCE = new ConsentEvidence("203.0.113.7", null, "https://shop.example/join", null, "4/month");

    private SyntheticContacts() {
    }

    /** The i-th recipient's number: area code, then an exchange from 200 and a line number. */
    static String number(long i) {
        int areaCode = AREA_CODES[(int) (i % AREA_CODES.length)];
        long rest = i / AREA_CODES.length;
        long exchange = 200 + rest / 10_000 % 800;
        long line = rest % 10_000;
        return "+1" + areaCode + exchange + String.format("%04d", line);
    }

    static ContactBook build(int count) {
        ContactBook book = new ContactBook();
        long seq = 0;
        for (int i = 0; i < count; i++) {
            String number = number(i);
            String id = "con_" + i;
            ConsentStatus status = i % 20 == 1 ? ConsentStatus.PENDING : ConsentStatus.ACTIVE;
            seq = apply(book, seq, new ConsentGranted(id, number, Channel.SMS, Purpose.MARKETING, ConsentMethod.WEB_FORM, status,
                    CAPTURED, status == ConsentStatus.ACTIVE, EVIDENCE));
            if (i % 20 == 2) {
                seq = apply(book, seq, new ConsentRevoked(id, number, CAPTURED.plusSeconds(3600), "api", false));
            }
            if (i % 30 == 3) {
                seq = apply(book, seq, new OptedOut(number, EnumSet.of(OptOutScope.SMS), CAPTURED.plusSeconds(7200), "sms:STOP"));
            }
        }
        return book;
    }

    /** The i-th recipient's email address. */
    static String email(long i) {
        return "person" + i + "@example.com";
    }

    /**
     * As {@link #build}, and more as a real tenant's book is: three in four recipients are customers who
     * agreed to transactional texts (through the API); one in eight also agreed to marketing calls, IVR calls
     * and ringless voicemail; one in three to marketing email (at {@link #email}); one in twenty-five bought
     * something 40 days ago.
     */
    static ContactBook buildMixed(int count) {
        ContactBook book = build(count);
        long seq = count * 2L;
        for (int i = 0; i < count; i++) {
            if (isCustomer(i)) {
                seq = apply(book, seq, new ConsentGranted("ct_" + i, number(i), Channel.SMS, Purpose.TRANSACTIONAL, ConsentMethod.API,
                        ConsentStatus.ACTIVE, CAPTURED, true, EVIDENCE));
            }
            if (takesCalls(i)) {
                for (Channel channel : new Channel[] {Channel.VOICE, Channel.IVR, Channel.RVM}) {
                    seq = apply(book, seq, new ConsentGranted("c" + channel.wireName() + "_" + i, number(i), channel, Purpose.MARKETING,
                            ConsentMethod.WEB_FORM, ConsentStatus.ACTIVE, CAPTURED, true, EVIDENCE));
                }
            }
            if (takesEmail(i)) {
                seq = apply(book, seq, new ConsentGranted("ce_" + i, email(i), Channel.EMAIL, Purpose.MARKETING, ConsentMethod.WEB_FORM,
                        ConsentStatus.ACTIVE, CAPTURED, true, EVIDENCE));
            }
            if (i % 25 == 11) {
                seq = apply(book, seq, new RelationshipRecorded(number(i), RelationshipKind.PURCHASE, CAPTURED.plusSeconds(86_400 * 20)));
            }
        }
        return book;
    }

    static boolean isCustomer(long i) {
        return i % 4 != 3;
    }

    static boolean takesCalls(long i) {
        return i % 8 == 5;
    }

    static boolean takesEmail(long i) {
        return i % 3 == 0;
    }

    private static long apply(ContactBook book, long seq, LedgerEvent event) {
        long next = seq + 1;
        book.apply(new LedgerEntry(next, TENANT, next, CAPTURED, event, "", ""));
        return next;
    }
}
