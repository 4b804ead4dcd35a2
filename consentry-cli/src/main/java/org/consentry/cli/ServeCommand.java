package org.consentry.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.consentry.ledger.LedgerFormatException;
import org.consentry.server.ConsentryServer;
import org.consentry.server.ServerConfig;
import org.consentry.server.http.TrustedProxies;
import org.consentry.store.inbound.EmailFeedback;
import org.consentry.store.Store;
import org.consentry.store.sqlite.FolderInUseException;
import org.consentry.store.sqlite.StoreDamagedException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code consentry serve}: the gateway on the embedded store. Configuration comes from the environment
 * (API.md, "Running"); a flag of the same name overrides it.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Start the gateway (HTTP API).")
final class ServeCommand implements Callable<Integer> {

    static final String ADMIN_KEY_FILE = "admin.key";

    @Option(names = "--port", defaultValue = "${env:CONSENTRY_PORT:-8080}", description = "HTTP port (CONSENTRY_PORT, default 8080)")
    int port;

    @Option(names = "--host", defaultValue = "${env:CONSENTRY_HOST:-127.0.0.1}",
            description = "interface to bind (CONSENTRY_HOST, default 127.0.0.1; 0.0.0.0 for every interface)")
    String host;

    @picocli.CommandLine.Mixin
    DataFolder dataFolder;

    @Option(names = "--admin-key", defaultValue = "${env:CONSENTRY_ADMIN_KEY}",
            description = "the provider's admin key (CONSENTRY_ADMIN_KEY); generated and printed once when absent")
    String adminKey;

    @Option(names = "--public-url", defaultValue = "${env:CONSENTRY_PUBLIC_URL}",
            description = "the address recipients reach this server at, for unsubscribe links (CONSENTRY_PUBLIC_URL), "
                    + "e.g. https://consentry.example.com; absent: the address each request came in on")
    String publicUrl;

    @Option(names = "--unsubscribe-mailto", defaultValue = "${env:CONSENTRY_UNSUBSCRIBE_MAILTO}",
            description = "a mailbox for unsubscribe mail, offered in List-Unsubscribe beside the https link (CONSENTRY_UNSUBSCRIBE_MAILTO)")
    String unsubscribeMailto;

    @Option(names = "--soft-bounce-limit", defaultValue = "${env:CONSENTRY_SOFT_BOUNCE_LIMIT:-3/7d}",
            converter = SoftBounceLimitConverter.class,
            description = "soft bounces (4.x.x) within a number of days that suppress an address (CONSENTRY_SOFT_BOUNCE_LIMIT, default 3/7d)")
    EmailFeedback.SoftBounceLimit softBounceLimit;

    /** Reads {@code 3/7d}; picocli turns a bad value into a usage error naming the option. */
    static final class SoftBounceLimitConverter implements picocli.CommandLine.ITypeConverter<EmailFeedback.SoftBounceLimit> {
        @Override public EmailFeedback.SoftBounceLimit convert(String value) {
            try {
                return EmailFeedback.SoftBounceLimit.parse(value);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    @Option(names = "--pending-consent-days", defaultValue = "${env:CONSENTRY_PENDING_CONSENT_DAYS:-30}",
            description = "days a consent may wait for its double opt-in confirmation before it lapses (CONSENTRY_PENDING_CONSENT_DAYS, default 30)")
    int pendingConsentDays;

    @Option(names = "--trusted-proxies", defaultValue = "${env:CONSENTRY_TRUSTED_PROXIES}", converter = TrustedProxiesConverter.class,
            description = "reverse proxies whose X-Forwarded-For names the client, as IP addresses or networks, comma-separated "
                    + "(CONSENTRY_TRUSTED_PROXIES, e.g. 127.0.0.1,10.0.0.0/8; default none: the connection's peer is the client)")
    TrustedProxies trustedProxies;

    /** Reads the list; picocli turns an entry that is not an address or network into a usage error naming the option. */
    static final class TrustedProxiesConverter implements picocli.CommandLine.ITypeConverter<TrustedProxies> {
        @Override public TrustedProxies convert(String value) {
            try {
                return TrustedProxies.parse(value);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    @Option(names = "--smtp-url", defaultValue = "${env:CONSENTRY_SMTP_URL}", converter = SmtpUrlConverter.class,
            description = "the SMTP server email messages are delivered through (CONSENTRY_SMTP_URL): smtp://user:password@host:port "
                    + "(STARTTLS when offered) or smtps://... (TLS); absent: POST /v1/messages refuses email")
    org.consentry.delivery.smtp.SmtpUrl smtpUrl;

    @Option(names = "--smtp-connections", defaultValue = "${env:CONSENTRY_SMTP_CONNECTIONS:-4}",
            description = "connections kept open to the SMTP server (CONSENTRY_SMTP_CONNECTIONS, default 4)")
    int smtpConnections;

    @Option(names = "--dkim-key", defaultValue = "${env:CONSENTRY_DKIM_KEY}",
            description = "an RSA private key (PKCS#8 PEM) every email is DKIM-signed with (CONSENTRY_DKIM_KEY); needs --dkim-domain")
    java.nio.file.Path dkimKey;

    @Option(names = "--dkim-domain", defaultValue = "${env:CONSENTRY_DKIM_DOMAIN}",
            description = "the domain the DKIM signature names, d= (CONSENTRY_DKIM_DOMAIN)")
    String dkimDomain;

    @Option(names = "--dkim-selector", defaultValue = "${env:CONSENTRY_DKIM_SELECTOR:-consentry}",
            description = "the DKIM selector, s=: the public key is at <selector>._domainkey.<domain> (CONSENTRY_DKIM_SELECTOR, default consentry)")
    String dkimSelector;

    /** Reads the URL; picocli turns a bad one into a usage error naming the option (never echoing the password). */
    static final class SmtpUrlConverter implements picocli.CommandLine.ITypeConverter<org.consentry.delivery.smtp.SmtpUrl> {
        @Override public org.consentry.delivery.smtp.SmtpUrl convert(String value) {
            try {
                return org.consentry.delivery.smtp.SmtpUrl.parse(value);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    @Option(names = "--smpp-url", defaultValue = "${env:CONSENTRY_SMPP_URL}", converter = SmppUrlConverter.class,
            description = "the SMSC texts are delivered through (CONSENTRY_SMPP_URL): smpp://system_id:password@host:port, "
                    + "optionally ?system_type=...&window=N (submits awaiting their answer, default 10); absent: POST /v1/messages refuses sms")
    org.consentry.delivery.smpp.SmppUrl smppUrl;

    /** Reads the URL; picocli turns a bad one into a usage error naming the option (never echoing the password). */
    static final class SmppUrlConverter implements picocli.CommandLine.ITypeConverter<org.consentry.delivery.smpp.SmppUrl> {
        @Override public org.consentry.delivery.smpp.SmppUrl convert(String value) {
            try {
                return org.consentry.delivery.smpp.SmppUrl.parse(value);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    @Option(names = "--webhook-url", defaultValue = "${env:CONSENTRY_WEBHOOK_URL}",
            description = "an HTTP endpoint messages of every channel without a connector of its own are posted to, signed "
                    + "(CONSENTRY_WEBHOOK_URL); needs --webhook-secret")
    java.net.URI webhookUrl;

    @Option(names = "--webhook-secret", defaultValue = "${env:CONSENTRY_WEBHOOK_SECRET}",
            description = "the secret the posts to --webhook-url are signed with, 16 characters or more (CONSENTRY_WEBHOOK_SECRET)")
    String webhookSecret;

    @Option(names = "--sender-rates", defaultValue = "${env:CONSENTRY_SENDER_RATES}", converter = SenderRatesConverter.class,
            description = "messages a second per sender where a carrier granted more than the published defaults "
                    + "(CONSENTRY_SENDER_RATES), e.g. long_code=4,short_code=400; kinds: long_code (default 1), toll_free (3), "
                    + "short_code (100), alphanumeric (10), email (0: no limit)")
    org.consentry.delivery.SenderRates senderRates;

    /** Reads the overrides over the published rates; a bad one is a usage error naming the option. */
    static final class SenderRatesConverter implements picocli.CommandLine.ITypeConverter<org.consentry.delivery.SenderRates> {
        @Override public org.consentry.delivery.SenderRates convert(String value) {
            try {
                return org.consentry.delivery.SenderRates.load().with(value);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    @Option(names = "--store", defaultValue = "${env:CONSENTRY_STORE}",
            description = "the store (CONSENTRY_STORE): absent for the embedded SQLite store in --data")
    String storeUrl;

    @Option(names = "--redis", defaultValue = "${env:CONSENTRY_REDIS}", description = "shared counters (CONSENTRY_REDIS)")
    String redisUrl;

    @Override public Integer call() throws InterruptedException {
        if (pendingConsentDays < 1 || pendingConsentDays > 3_650) {
            System.err.println("consentry: --pending-consent-days must be from 1 to 3650, not " + pendingConsentDays);
            return 2;
        }
        if (smtpConnections < 1 || smtpConnections > 64) {
            System.err.println("consentry: --smtp-connections must be from 1 to 64, not " + smtpConnections);
            return 2;
        }
        if (webhookUrl != null && (webhookSecret == null || webhookSecret.length() < 16
                || !java.util.Set.of("http", "https").contains(String.valueOf(webhookUrl.getScheme()).toLowerCase(java.util.Locale.ROOT)))) {
            System.err.println("consentry: --webhook-url needs an http(s) URL and --webhook-secret of 16 characters or more "
                    + "(CONSENTRY_WEBHOOK_SECRET; e.g. openssl rand -hex 32)");
            return 2;
        }
        if (storeUrl != null && !storeUrl.isBlank()) {
            System.err.println("consentry: CONSENTRY_STORE=" + storeUrl + " is not available in this version; "
                    + "unset it to use the embedded store in " + dataFolder.path);
            return 2;
        }
        if (redisUrl != null && !redisUrl.isBlank()) {
            System.err.println("consentry: CONSENTRY_REDIS is not available in this version; unset it (one node keeps its counters in memory)");
            return 2;
        }
        org.consentry.delivery.smtp.DkimSigner dkim;
        try {
            dkim = dkimKey == null ? null : new org.consentry.delivery.smtp.DkimSigner(dkimDomain, dkimSelector,
                    org.consentry.delivery.smtp.DkimSigner.readKey(dkimKey));
        } catch (IllegalArgumentException e) {
            System.err.println("consentry: " + e.getMessage());
            return 2;
        }
        Clock clock = Clock.systemUTC();
        Store store;
        try {
            store = Store.embedded(dataFolder.path, clock);
        } catch (FolderInUseException | LedgerFormatException | StoreDamagedException e) {
            System.err.println("consentry: " + e.getMessage());
            return 1;
        }
        Optional<String> generated = store.adminKeys().ensure(adminKey, store.apiKeys(), clock, this::keep);
        generated.ifPresent(this::announce);
        java.util.List<org.consentry.delivery.Connector> connectors = new java.util.ArrayList<>();
        if (smtpUrl != null) {
            connectors.add(new org.consentry.delivery.smtp.SmtpConnector(smtpUrl, smtpConnections, clock, dkim));
        }
        if (smppUrl != null) {
            connectors.add(new org.consentry.delivery.smpp.SmppConnector(smppUrl, clock));
        }
        if (webhookUrl != null) { // last: it takes the channels no connector above delivers
            connectors.add(new org.consentry.delivery.webhook.WebhookConnector(webhookUrl, webhookSecret,
                    java.util.EnumSet.allOf(org.consentry.policy.Channel.class), clock));
        }
        ConsentryServer server = ConsentryServer.start(new ServerConfig(host, port, publicUrl, unsubscribeMailto, softBounceLimit,
                java.time.Duration.ofDays(pendingConsentDays), trustedProxies), store, clock, connectors,
                senderRates == null ? org.consentry.delivery.SenderRates.load() : senderRates);
        if (smtpUrl != null) {
            System.out.println("Email is delivered through " + smtpUrl + (dkim == null ? "" : ", DKIM-signed for " + dkim.domain()));
        }
        if (smppUrl != null) {
            System.out.println("Texts are delivered through " + smppUrl);
        }
        if (webhookUrl != null) {
            System.out.println("Messages of the other channels are posted to " + webhookUrl.getScheme() + "://" + webhookUrl.getHost()
                    + (webhookUrl.getPort() > 0 ? ":" + webhookUrl.getPort() : "") + webhookUrl.getPath());
        }
        System.out.println("Consentry is listening on http://" + host + ":" + server.port() + " (data in " + dataFolder.path.toAbsolutePath().normalize() + ")");
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            store.close();
            stopped.countDown();
        }, "consentry-shutdown"));
        stopped.await();
        return 0;
    }

    /**
     * Keeps a newly generated admin key in data/admin.key (owner-only), on disk before its hash is stored: a start
     * that cannot write the file stores no key, and the next start makes one.
     */
    private void keep(String key) {
        AdminKeyCommand.keep(dataFolder.path, key);
    }

    /** Shows a newly generated admin key once, and where it is kept. */
    private void announce(String key) {
        Path file = dataFolder.path.resolve(ADMIN_KEY_FILE);
        System.out.println("Admin key (shown once; only its hash is stored): " + key);
        System.out.println("It is also in " + file + " (readable by you only): keep it somewhere safe, then delete that file.");
    }
}
