package org.consentry.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.consentry.address.EmailAddressParser;
import org.consentry.address.PhoneNumberParser;
import org.consentry.content.ContentAnalyzer;
import org.consentry.content.MessageContent;
import org.consentry.ledger.LedgerEntry;
import org.consentry.ledger.LedgerEvent;
import org.consentry.ledger.RegistryEntriesAdded;
import org.consentry.ledger.SenderRegistered;
import org.consentry.ledger.TenantCreated;
import org.consentry.policy.Channel;
import org.consentry.policy.Facts;
import org.consentry.policy.PolicyEngine;
import org.consentry.policy.Purpose;
import org.consentry.policy.SendRequest;
import org.consentry.policy.Verdict;
import org.consentry.policy.rules.StandardRulebook;
import org.consentry.policy.rules.identity.OptOutLanguage;
import org.consentry.recipient.RecipientResolver;
import org.consentry.registry.RegistryFiles;
import org.consentry.store.facts.LedgerFacts;
import org.consentry.store.projection.ContactBook;
import org.consentry.store.projection.ProviderLists;
import org.consentry.store.projection.TenantActivityBook;
import org.consentry.store.projection.TenantDirectory;
import org.consentry.store.registry.RegistryImport;
import org.consentry.store.registry.RegistrySnapshots;
import org.consentry.tenant.SenderKind;
import org.consentry.tenant.SenderStatus;
import org.consentry.tenant.TenantProfile;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The full rulebook (every rule of the catalogue, every quiet-hours pack) deciding realistic mixed traffic for
 * a tenant with 10 million consents. Each decision is what {@code POST /v1/checks} does between reading the
 * JSON and writing it: place the recipient (parse, zones, state), read its consents, opt-outs, history and
 * the provider's lists, read the body (words, lexicons, links, shingles), then run every rule.
 *
 * <p>{@code decide} runs the mixed traffic (run it with {@code -t 1} and {@code -t 2});
 * {@code decide160} times one marketing text with a 160-character body that differs on every call, in
 * sample mode for its percentiles.
 */
@State(Scope.Benchmark)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms16g", "-Xmx16g", "-XX:+UseParallelGC", "-XX:+UseTransparentHugePages"})
public class RulebookBenchmark {

    static final int SAMPLES = 1 << 18;
    static final Instant REGISTRY_AS_OF = Instant.parse("2026-03-10T00:00:00Z");
    static final Instant DAY = Instant.parse("2026-03-14T18:00:00Z");
    static final Instant NIGHT = Instant.parse("2026-03-15T04:30:00Z");

    @Param("10000000")
    int consents;

    /**
     * How the registries were loaded: {@code imported} from the registry's files into snapshots, as a provider
     * loads the national list; {@code recorded} through ledger events, as the API adds a few numbers (the
     * benchmark's only way before 2026-12-07).
     */
    @Param("imported")
    String registries;

    PolicyEngine engine;
    LedgerFacts facts;
    TenantProfile tenant;
    SendRequest[] traffic;
    SendRequest[] texts160;
    Facts[] trafficFacts;
    Facts[] texts160Facts;
    /** Whether a sample's body is sent once only (its content rules' answers are then never remembered). */
    boolean[] uniqueBody;
    private ScratchLedger scratch;

    /** Each thread walks the samples on its own. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;
    }

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        ContactBook contacts = SyntheticContacts.buildMixed(consents);
        TenantDirectory tenants = new TenantDirectory();
        apply(tenants, SyntheticContacts.TENANT, new TenantCreated("Bench Inc.", "Bench", "retail", "US",
                "1 Main St, Miami FL 33101", null));
        apply(tenants, SyntheticContacts.TENANT, new SenderRegistered("snd_1", "+18005550199", SenderKind.PHONE, SenderStatus.VERIFIED));
        apply(tenants, SyntheticContacts.TENANT, new SenderRegistered("snd_2", "bench.example", SenderKind.EMAIL_DOMAIN,
                SenderStatus.VERIFIED));
        tenant = tenants.tenant(SyntheticContacts.TENANT).orElseThrow();
        scratch = new ScratchLedger();
        ProviderLists provider = "recorded".equals(registries) ? recorded(consents) : imported(consents, scratch.folder());
        facts = new LedgerFacts(RecipientResolver.load(), new PhoneNumberParser(), new EmailAddressParser(), tenants, contacts,
                provider, new TenantActivityBook(), ContentAnalyzer.load(), OptOutLanguage.load(), scratch.ledger());
        engine = new PolicyEngine(StandardRulebook.load());
        Random random = new Random(42);
        traffic = new SendRequest[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            traffic[i] = MixedTraffic.next(random, consents);
        }
        texts160 = new SendRequest[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            texts160[i] = MixedTraffic.text160(random, consents);
        }
        trafficFacts = new Facts[SAMPLES];
        texts160Facts = new Facts[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            traffic[i] = facts.complete(tenant, traffic[i]);
            trafficFacts[i] = facts.resolve(tenant, traffic[i]);
            texts160Facts[i] = facts.resolve(tenant, texts160[i]);
        }
        Map<String, Integer> bodies = new java.util.HashMap<>();
        for (SendRequest request : traffic) {
            if (request.body() != null) {
                bodies.merge(request.body(), 1, Integer::sum);
            }
        }
        uniqueBody = new boolean[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            uniqueBody[i] = traffic[i].body() != null && bodies.get(traffic[i].body()) == 1;
        }
        describe();
        settle();
    }

    /**
     * Moves what the set-up built into the old generation, as a server's projection is after its first minutes:
     * otherwise the young collections of the first iterations copy gigabytes of it back and forth between the
     * survivor spaces, and time that, not the decisions.
     */
    static void settle() {
        System.gc();
        System.gc();
    }

    /**
     * The facts with the body's content as read afresh: the samples come round again every 2^18 calls, and a
     * body sent once must not find the answers the content rules left on it the last time round.
     */
    static Facts fresh(Facts facts) {
        MessageContent c = facts.content();
        MessageContent content = new MessageContent(c.body(), c.lowerCase(), c.words(), c.rawWords(), c.links(), c.contentHash(),
                c.shingles());
        return new Facts(facts.recipient(), facts.tenant(), facts.sender(), facts.emailDomains(), facts.contact(), facts.registry(), content,
                facts.activity(), facts.unavailable());
    }

    /** What the traffic decides, so that a reader knows what was timed. */
    private void describe() {
        Map<String, Integer> outcomes = new java.util.TreeMap<>();
        Map<String, Integer> codes = new java.util.TreeMap<>();
        for (int i = 0; i < 20_000; i++) {
            Verdict verdict = decide(traffic[i]);
            outcomes.merge(verdict.decision().wireName(), 1, Integer::sum);
            verdict.reasons().forEach(reason -> codes.merge(reason.code().name(), 1, Integer::sum));
        }
        System.out.println("decisions over 20,000 samples: " + outcomes);
        System.out.println("reason codes: " + codes);
    }

    /**
     * The registries as the provider imports them (the files {@code consentry registry import} reads), with the
     * numbers of {@link #recorded}.
     */
    private static ProviderLists imported(int consents, Path folder) throws java.io.IOException {
        Path national = folder.resolve("national.txt");
        Path florida = folder.resolve("florida.txt");
        try (java.io.BufferedWriter toNational = Files.newBufferedWriter(national);
             java.io.BufferedWriter toFlorida = Files.newBufferedWriter(florida)) {
            for (int i = 0; i < consents * 11L / 10; i++) {
                if (i % 5 == 0) {
                    toNational.write(registryLine(SyntheticContacts.number(i)));
                }
                if (i % 40 == 7) {
                    toFlorida.write(registryLine(SyntheticContacts.number(i)));
                }
            }
        }
        RegistrySnapshots snapshots = RegistrySnapshots.open(folder.resolve("registries"));
        snapshots.importFiles(ProviderLists.NATIONAL, RegistryFiles.Kind.FULL, REGISTRY_AS_OF, 0, List.of(national),
                RegistryImport.Progress.NONE, REGISTRY_AS_OF);
        snapshots.importFiles("state:FL", RegistryFiles.Kind.FULL, REGISTRY_AS_OF, 0, List.of(florida),
                RegistryImport.Progress.NONE, REGISTRY_AS_OF);
        return new ProviderLists(snapshots);
    }

    /** "+13055550100" as the registry's files write it: "305,5550100". */
    private static String registryLine(String e164) {
        return e164.substring(2, 5) + "," + e164.substring(5) + "\n";
    }

    /** The national registry holds one number in five of the tenant's, Florida's one in forty; its copy is four days old. */
    private static ProviderLists recorded(int consents) {
        ProviderLists lists = new ProviderLists();
        long seq = 0;
        List<String> national = new ArrayList<>();
        List<String> florida = new ArrayList<>();
        for (int i = 0; i < consents * 11L / 10; i++) {
            if (i % 5 == 0) {
                national.add(SyntheticContacts.number(i));
            }
            if (i % 40 == 7) {
                florida.add(SyntheticContacts.number(i));
            }
            if (national.size() == 100_000 || i == consents * 11L / 10 - 1) {
                seq = apply(lists, seq, new RegistryEntriesAdded(ProviderLists.NATIONAL, national, REGISTRY_AS_OF));
                national = new ArrayList<>();
            }
        }
        apply(lists, seq, new RegistryEntriesAdded("state:FL", florida, REGISTRY_AS_OF));
        return lists;
    }

    private static long apply(ProviderLists lists, long seq, LedgerEvent event) {
        lists.apply(new LedgerEntry(seq + 1, ProviderLists.CHAIN, seq + 1, REGISTRY_AS_OF, event, "", ""));
        return seq + 1;
    }

    private static void apply(TenantDirectory tenants, String tenant, LedgerEvent event) {
        tenants.apply(new LedgerEntry(1, tenant, 1, Instant.EPOCH, event, "", ""));
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        scratch.close();
    }

    Verdict decide(SendRequest asked) {
        SendRequest request = facts.complete(tenant, asked);
        return engine.evaluate(request, facts.resolve(tenant, request));
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public Verdict decide(Cursor cursor) {
        return decide(traffic[cursor.next++ & (SAMPLES - 1)]);
    }

    /** The share of {@code decide} spent reading bodies: words, lexicon input, links, hash, shingles. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public Object readBody(Cursor cursor) {
        return facts.read(traffic[cursor.next++ & (SAMPLES - 1)]);
    }

    /**
     * The engine alone: every rule over facts resolved beforehand (the body already read into words and links;
     * what the content rules make of a body sent once is worked out on the call).
     */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public Verdict evaluate(Cursor cursor) {
        int i = cursor.next++ & (SAMPLES - 1);
        return engine.evaluate(traffic[i], uniqueBody[i] ? fresh(trafficFacts[i]) : trafficFacts[i]);
    }

    /** The engine alone on the 160-character marketing text, for its percentiles. */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public Verdict evaluate160(Cursor cursor) {
        int i = cursor.next++ & (SAMPLES - 1);
        return engine.evaluate(texts160[i], fresh(texts160Facts[i]));
    }

    /** A floor for reading a body: one pass that lower-cases it. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public Object lowerCaseBody(Cursor cursor) {
        String body = traffic[cursor.next++ & (SAMPLES - 1)].body();
        return body == null ? null : body.toLowerCase(java.util.Locale.ROOT);
    }

    /** The share of {@code decide} spent gathering facts: the body, the recipient's place, its records, the lists. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public Object resolve(Cursor cursor) {
        return facts.resolve(tenant, traffic[cursor.next++ & (SAMPLES - 1)]);
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public Verdict decide160(Cursor cursor) {
        return decide(texts160[cursor.next++ & (SAMPLES - 1)]);
    }

    /** Sends as a messaging provider's customers make them. */
    static final class MixedTraffic {

        private static final String[] NAMES = {"Ana", "Ben", "Chloe", "Dev", "Emma", "Farid", "Grace", "Hugo", "Ines", "Jamal",
            "Kim", "Liam", "Maya", "Noah", "Olga", "Pablo", "Quinn", "Rosa", "Sam", "Tara"};
        private static final String[] PRODUCTS = {"shoes", "boots", "bags", "coats", "hats", "jeans", "socks", "scarves"};
        private static final String[] MARKETING = {
            "Bench: Hi %s, spring sale on %s, %d%% off today only at https://bench.example/sale?utm_source=sms&c=%d. Reply STOP to opt out.",
            "Bench: %s, your VIP code SAVE%d takes %d%% off %s this weekend. Reply STOP to opt out.",
            "Bench: new %s just landed, %s! Order by Friday for free delivery, code %d (%d%% off). Txt STOP to end.",
        };
        private static final String[] TRANSACTIONAL = {
            "Bench: your verification code is %d. It expires in 10 minutes. Never share it.",
            "Bench: hi %s, order #%d (%s) has shipped and arrives Tuesday. Track: https://bench.example/t/%d",
            "Bench: your appointment is confirmed for %s at %d:00. Reply C to cancel.",
        };
        private static final String EMAIL = "<html><body><p>Hi %s,</p><p>Our spring collection of %s is here, %d%% off "
                + "until Sunday.</p><p><a href=\"https://bench.example/spring?utm_campaign=s%d\">Shop now</a></p>"
                + "<p>Bench Inc., 1 Main St, Miami FL 33101</p><p><a href=\"https://bench.example/unsubscribe?u=%d\">Unsubscribe</a>"
                + "</p></body></html>";
        private static final String SCRIPT = "Hi %s, this is Bench calling about our %s sale. Call us back at 800-555-0199. "
                + "Press 9 to be removed from our list.";

        /** The campaigns of the day: each sends the same text to many recipients. */
        private static final String[] CAMPAIGN_TEXTS = new String[200];
        private static final String[] CAMPAIGN_EMAILS = new String[50];

        static {
            Random random = new Random(7);
            for (int i = 0; i < CAMPAIGN_TEXTS.length; i++) {
                CAMPAIGN_TEXTS[i] = marketingText(random, "there");
            }
            for (int i = 0; i < CAMPAIGN_EMAILS.length; i++) {
                CAMPAIGN_EMAILS[i] = EMAIL.formatted("there", PRODUCTS[i % PRODUCTS.length], 10 + i, i, 0);
            }
        }

        private MixedTraffic() {
        }

        private static String marketingText(Random random, String name) {
            String template = MARKETING[random.nextInt(MARKETING.length)];
            String product = PRODUCTS[random.nextInt(PRODUCTS.length)];
            int code = 100_000 + random.nextInt(900_000);
            return template.startsWith("Bench: Hi") ? template.formatted(name, product, 10 + random.nextInt(40), code)
                    : template.startsWith("Bench: new") ? template.formatted(product, name, code, 10 + random.nextInt(40))
                    : template.formatted(name, code, 10 + random.nextInt(40), product);
        }

        /**
         * 70% SMS (4 in 5 marketing), 3% MMS, 12% email (2 in 3 marketing), 10% live marketing calls, 5% IVR
         * calls or ringless voicemail. 90% of sends go to recipients on the tenant's list for that kind of
         * message (a few of whom are pending, revoked or opted out), 10% to strangers. 12% of sends at night, 2%
         * from a number the tenant does not own. Marketing comes from campaigns: 60% of marketing texts and
         * emails are a campaign's text sent unchanged to many (200 texts, 50 emails), the rest personalised with
         * a name and a code; transactional messages are all different.
         */
        static SendRequest next(Random random, int consents) {
            int roll = random.nextInt(100);
            Channel channel = roll < 70 ? Channel.SMS : roll < 73 ? Channel.MMS : roll < 85 ? Channel.EMAIL : roll < 95 ? Channel.VOICE
                    : random.nextBoolean() ? Channel.IVR : Channel.RVM;
            boolean marketing = channel == Channel.EMAIL ? random.nextInt(3) < 2 : channel.isText() ? random.nextInt(5) < 4 : true;
            Instant at = random.nextInt(100) < 12 ? NIGHT : DAY.plus(Duration.ofMinutes(random.nextInt(120)));
            int person = random.nextInt(100) < 90 ? optedIn(random, consents, channel, marketing) : consents + random.nextInt(consents / 10);
            String name = NAMES[random.nextInt(NAMES.length)];
            String product = PRODUCTS[random.nextInt(PRODUCTS.length)];
            int code = 100_000 + random.nextInt(900_000);
            if (channel == Channel.EMAIL) {
                String to = SyntheticContacts.email(person);
                String body = marketing && random.nextInt(10) < 6 ? CAMPAIGN_EMAILS[random.nextInt(CAMPAIGN_EMAILS.length)]
                        : EMAIL.formatted(name, product, 10 + random.nextInt(40), code, person);
                Map<String, String> headers = Map.of("List-Unsubscribe", "<https://bench.example/u/" + person + ">",
                        "List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
                return new SendRequest(channel, "Bench <news@bench.example>", to, marketing ? Purpose.MARKETING : Purpose.TRANSACTIONAL,
                        body, marketing ? "Spring " + product + " for you, " + name : "Your Bench receipt #" + code, headers, at, "US", null,
                        false, false, false, "spring", null, false);
            }
            String from = random.nextInt(100) < 2 ? "+18005550100" : "+18005550199";
            String to = SyntheticContacts.number(person);
            String body;
            if (channel == Channel.VOICE && random.nextInt(4) > 0) {
                body = null;
            } else if (channel.isPhone() && !channel.isText()) {
                body = SCRIPT.formatted(name, product);
            } else if (marketing) {
                body = random.nextInt(10) < 6 ? CAMPAIGN_TEXTS[random.nextInt(CAMPAIGN_TEXTS.length)] : marketingText(random, name);
            } else {
                String template = TRANSACTIONAL[random.nextInt(TRANSACTIONAL.length)];
                body = template.contains("verification") ? template.formatted(code)
                        : template.contains("order") ? template.formatted(name, code, product, code)
                        : template.formatted(name, 9 + random.nextInt(8));
            }
            return new SendRequest(channel, from, to, marketing ? Purpose.MARKETING : Purpose.TRANSACTIONAL, body, null, Map.of(), at,
                    "US", null, false, channel == Channel.IVR || channel == Channel.RVM, false, "spring", marketing ? product : null, false);
        }

        /** One of the tenant's recipients who signed up for this kind of message (the sender's list for it). */
        private static int optedIn(Random random, int consents, Channel channel, boolean marketing) {
            while (true) {
                int person = random.nextInt(consents);
                boolean listed = channel == Channel.EMAIL ? !marketing || SyntheticContacts.takesEmail(person)
                        : !channel.isText() ? SyntheticContacts.takesCalls(person)
                        : marketing || SyntheticContacts.isCustomer(person);
                if (listed) {
                    return person;
                }
            }
        }

        /** A marketing text with a 160-character body, different for each send, to one of the tenant's recipients by day. */
        static SendRequest text160(Random random, int consents) {
            String name = NAMES[random.nextInt(NAMES.length)];
            String body = "Bench: Hi %s, our spring sale is on! %d%% off %s at https://bench.example/sale?c=%06d until Sunday night. "
                    .formatted(name, 10 + random.nextInt(40), PRODUCTS[random.nextInt(PRODUCTS.length)], random.nextInt(1_000_000));
            String stop = "Reply STOP to opt out.";
            StringBuilder text = new StringBuilder(body);
            while (text.length() + stop.length() < 160) {
                text.append("Free delivery and returns. ");
            }
            text.setLength(160 - stop.length());
            text.append(stop);
            if (text.length() != 160) {
                throw new IllegalStateException("not 160 characters: " + text.length());
            }
            return new SendRequest(Channel.SMS, "+18005550199", SyntheticContacts.number(random.nextInt(consents)), Purpose.MARKETING,
                    text.toString(), null, Map.of(), DAY, "US", null, false, false, false, "spring", "sale", false);
        }
    }
}
