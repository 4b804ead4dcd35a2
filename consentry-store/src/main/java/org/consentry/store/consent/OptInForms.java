package org.consentry.store.consent;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.consentry.consent.Consent;
import org.consentry.consent.ConsentMethod;
import org.consentry.consent.OptInForm;
import org.consentry.ledger.ConsentEvidence;
import org.consentry.ledger.FormPublished;
import org.consentry.ledger.LedgerEntry;
import org.consentry.policy.Channel;
import org.consentry.store.Ids;
import org.consentry.store.RequestRefused;
import org.consentry.store.ledger.Ledger;
import org.consentry.store.ledger.LedgerListener;

/**
 * The tenants' hosted opt-in forms, every version of each (a submission names the version its visitor saw, and a
 * consent's evidence keeps it), and what a submission records: one pending consent per box ticked, each with the exact
 * words shown beside its box, their SHA-256, the form's version, the visitor's IP address, user agent and the page's URL.
 */
public final class OptInForms implements LedgerListener {

    /** A version of a form, with its tenant and when it was published. */
    public record Published(String tenant, OptInForm form, Instant at) {
    }

    /**
     * What a visitor sent: canonical addresses (null where the form did not ask or the box was not ticked) and the
     * boxes ticked.
     */
    public record Submission(String phone, String email, List<Channel> channels, Instant at, String ip, String userAgent, String pageUrl) {
    }

    private final Map<String, List<Published>> versions = new ConcurrentHashMap<>();
    private Ledger ledger;
    private Ids ids;
    private Consents consents;

    /** Connects the service side once the store is built (the projection side listens from the first replay). */
    public void connect(Ledger ledger, Ids ids, Consents consents) {
        this.ledger = ledger;
        this.ids = ids;
        this.consents = consents;
    }

    @Override public void apply(LedgerEntry entry) {
        if (entry.event() instanceof FormPublished published) {
            versions.compute(published.form().id(), (id, list) -> {
                List<Published> next = list == null ? new ArrayList<>() : new ArrayList<>(list);
                next.add(new Published(entry.tenant(), published.form(), entry.recordedAt()));
                return List.copyOf(next);
            });
        }
    }

    /** Publishes a new form; {@code draft}'s id and version are ignored. */
    public Published publish(String tenant, OptInForm draft) {
        String id = ids.next("frm");
        return append(tenant, versioned(draft, id, 1));
    }

    /**
     * Publishes the next version of the tenant's form {@code id}; the page shows it from now on. Revisions are made one
     * at a time: two made at once (a double click, a retry) would otherwise both be numbered after the same version.
     */
    public synchronized Published revise(String tenant, String id, OptInForm draft) {
        Published current = latest(id).filter(p -> p.tenant().equals(tenant))
                .orElseThrow(() -> new RequestRefused(RequestRefused.Kind.NOT_FOUND, "form", "no form " + id));
        return append(tenant, versioned(draft, id, current.form().version() + 1));
    }

    public Optional<Published> latest(String id) {
        List<Published> list = id == null ? null : versions.get(id);
        return list == null ? Optional.empty() : Optional.of(list.get(list.size() - 1));
    }

    /**
     * The version numbered {@code version}, found by its number, not its place: a ledger written before revisions
     * were made one at a time may hold two of one number, and the later (the one its page showed) is then the one.
     */
    public Optional<Published> version(String id, int version) {
        List<Published> list = id == null ? null : versions.get(id);
        if (list == null) {
            return Optional.empty();
        }
        for (int i = list.size() - 1; i >= 0; i--) {
            if (list.get(i).form().version() == version) {
                return Optional.of(list.get(i));
            }
        }
        return Optional.empty();
    }

    /** The latest version of each of the tenant's forms, oldest form first. */
    public List<Published> of(String tenant) {
        List<Published> forms = new ArrayList<>();
        for (List<Published> list : versions.values()) {
            if (list.get(0).tenant().equals(tenant)) {
                forms.add(list.get(list.size() - 1));
            }
        }
        forms.sort(Comparator.comparing((Published p) -> versions.get(p.form().id()).get(0).at()).thenComparing(p -> p.form().id()));
        return forms;
    }

    /**
     * Records a submission of {@code form} (the version the visitor saw): one pending consent per channel ticked, in
     * one append, with the words shown beside its box as evidence. The recipient then confirms each (a YES by text,
     * the link by email).
     */
    public List<Consent> submit(Published form, String brand, Submission submission) {
        List<NewConsent> list = new ArrayList<>();
        for (Channel channel : submission.channels()) {
            if (!form.form().channels().contains(channel)) {
                throw new IllegalArgumentException("the form does not ask for " + channel.wireName());
            }
            String address = channel == Channel.EMAIL ? submission.email() : submission.phone();
            String shown = form.form().disclosure(channel, brand);
            // the frequency is the texts' and only their box states it: the email box's words promise no frequency
            String frequency = channel == Channel.SMS ? form.form().frequency() : null;
            ConsentEvidence evidence = new ConsentEvidence(submission.ip(), submission.userAgent(), submission.pageUrl(), shown,
                    frequency, null, new ConsentEvidence.FormVersion(form.form().id(), form.form().version()), sha256(shown));
            list.add(new NewConsent(address, channel, form.form().purpose(), ConsentMethod.WEB_FORM, submission.at(), false, evidence));
        }
        return consents.recordPending(form.tenant(), list);
    }

    /** The SHA-256 of the text's UTF-8 bytes, in lower-case hex. */
    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private Published append(String tenant, OptInForm form) {
        ledger.append(tenant, List.of(new FormPublished(form)));
        return version(form.id(), form.version()).orElseThrow();
    }

    private static OptInForm versioned(OptInForm draft, String id, int version) {
        return new OptInForm(id, version, draft.name(), draft.title(), draft.channels(), draft.purpose(), draft.frequency(),
                draft.extraText(), draft.termsUrl(), draft.privacyUrl());
    }
}
