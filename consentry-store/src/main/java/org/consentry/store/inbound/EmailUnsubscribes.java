package org.consentry.store.inbound;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.consentry.consent.ContactState;
import org.consentry.ledger.ListUnsubscribed;
import org.consentry.policy.OptOutScope;
import org.consentry.store.consent.OptOuts;
import org.consentry.store.keys.SignedTokens;
import org.consentry.store.ledger.Ledger;
import org.consentry.store.projection.ContactBook;

/**
 * Email unsubscribe links (RFC 8058 one-click, and the page behind them). A link carries a token that names the
 * tenant, the recipient and, optionally, the list (the send's {@code campaign}), signed with HMAC-SHA256 under a
 * server key: it cannot be forged for another address or tenant, nor guessed. Unsubscribing from a list records
 * a {@link ListUnsubscribed}; from everything, an email opt-out that also revokes the email consents.
 */
public final class EmailUnsubscribes {

    /** The name of the HMAC key among the server's secrets. */
    public static final String KEY_NAME = "unsubscribe-links";
    /** The RFC 8058 value of {@code List-Unsubscribe-Post}. */
    public static final String ONE_CLICK = "List-Unsubscribe=One-Click";
    private static final String VERSION = "1";

    /** What a token names. {@code list} is null when the link unsubscribes from all of the tenant's email. */
    public record Claim(String tenant, String address, String list) {
    }

    /** The headers a message carries so that a mail client can unsubscribe in one click. */
    public record Headers(String url, String listUnsubscribe, String listUnsubscribePost) {
    }

    /** How far an unsubscribe goes: the list the link names, or all of the tenant's email. */
    public enum Scope { LIST, ALL }

    /** What an unsubscribe did: false when the recipient had already left. */
    public record Result(Scope scope, boolean changed) {
    }

    private final SignedTokens tokens;
    private final OptOuts optOuts;
    private final Ledger ledger;
    private final ContactBook contacts;

    public EmailUnsubscribes(byte[] secret, OptOuts optOuts, Ledger ledger, ContactBook contacts) {
        this.tokens = new SignedTokens(secret, VERSION);
        this.optOuts = optOuts;
        this.ledger = ledger;
        this.contacts = contacts;
    }

    public String token(Claim claim) {
        return tokens.sign(claim.tenant(), claim.address(), claim.list() == null ? "" : claim.list());
    }

    /**
     * The headers for a message to {@code claim.address()}: an https link under {@code baseUrl} (the server's
     * public address) and, when a mailbox for unsubscribe mail is configured, a mailto one too.
     */
    public Headers headers(Claim claim, String baseUrl, String mailto) {
        String url = baseUrl.replaceAll("/+$", "") + "/u/" + token(claim);
        String header = "<" + url + ">" + (mailto == null || mailto.isBlank() ? ""
                : ", <mailto:" + mailto + "?subject=unsubscribe%20" + token(claim) + ">");
        return new Headers(url, header, ONE_CLICK);
    }

    /** What a token names, when it is one this server signed. */
    public Optional<Claim> verify(String token) {
        return tokens.verify(token, 3).filter(parts -> !parts.get(0).isEmpty() && !parts.get(1).isEmpty())
                .map(parts -> new Claim(parts.get(0), parts.get(1), parts.get(2).isEmpty() ? null : parts.get(2)));
    }

    /** Unsubscribes the recipient a verified token names; again is harmless (nothing more is recorded). */
    public Result unsubscribe(Claim claim, Scope asked, Instant at, String via) {
        Scope scope = claim.list() == null ? Scope.ALL : asked;
        ContactState state = contacts.stateOf(claim.tenant(), claim.address());
        if (state.optOut(OptOutScope.EMAIL) != null) {
            return new Result(scope, false);
        }
        if (scope == Scope.ALL) {
            optOuts.optOut(claim.tenant(), claim.address(), Set.of(OptOutScope.EMAIL), at, via);
            return new Result(scope, true);
        }
        if (state.listOptOuts().containsKey(claim.list())) {
            return new Result(scope, false);
        }
        ledger.append(claim.tenant(), List.of(new ListUnsubscribed(claim.address(), claim.list(), at, via)));
        return new Result(scope, true);
    }
}
