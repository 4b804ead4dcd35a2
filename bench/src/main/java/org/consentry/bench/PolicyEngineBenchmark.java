package org.consentry.bench;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.consentry.address.EmailAddressParser;
import org.consentry.address.PhoneNumberParser;
import org.consentry.content.ContentAnalyzer;
import org.consentry.policy.rules.identity.OptOutLanguage;
import org.consentry.store.projection.ProviderLists;
import org.consentry.store.projection.TenantActivityBook;
import org.consentry.policy.Channel;
import org.consentry.policy.Facts;
import org.consentry.policy.PolicyEngine;
import org.consentry.policy.Purpose;
import org.consentry.policy.SendRequest;
import org.consentry.policy.Verdict;
import org.consentry.policy.rules.StandardRulebook;
import org.consentry.recipient.RecipientResolver;
import org.consentry.store.facts.LedgerFacts;
import org.consentry.store.projection.ContactBook;
import org.consentry.store.projection.TenantDirectory;
import org.consentry.ledger.LedgerEntry;
import org.consentry.ledger.SenderRegistered;
import org.consentry.ledger.TenantCreated;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The policy engine with the foundation's rules, over a tenant with 10 million consents, on mixed traffic:
 * most sends allowed, the rest blocked (no consent, pending, revoked, opted out, unverified sender) or
 * deferred (quiet hours). {@code evaluate} times the engine alone on facts resolved beforehand;
 * {@code resolveAndEvaluate} also resolves the facts from the projection for each send (parse the
 * number, find its zones, look up the recipient).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms12g", "-Xmx12g", "-XX:+UseParallelGC"})
@Threads(1)
public class PolicyEngineBenchmark {

    private static final int SAMPLES = 1 << 20;

    @Param("10000000")
    int consents;

    private PolicyEngine engine;
    private LedgerFacts facts;
    private TenantProfile tenant;
    private SendRequest[] requests;
    private Facts[] resolved;
    private ScratchLedger scratch;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        ContactBook contacts = SyntheticContacts.build(consents);
        TenantDirectory directory = new TenantDirectory();
        directory.apply(new LedgerEntry(1, SyntheticContacts.TENANT, 1, Instant.EPOCH,
                new TenantCreated("Bench Inc.", "Bench", "retail", "US", "1 Main St", null), "", ""));
        directory.apply(new LedgerEntry(2, SyntheticContacts.TENANT, 2, Instant.EPOCH,
                new SenderRegistered("snd_1", "+18005550199", SenderKind.PHONE, SenderStatus.VERIFIED), "", ""));
        tenant = directory.tenant(SyntheticContacts.TENANT).orElseThrow();
        scratch = new ScratchLedger();
        PhoneNumberParser phones = new PhoneNumberParser();
        EmailAddressParser emails = new EmailAddressParser();
        facts = new LedgerFacts(RecipientResolver.load(), phones, emails, directory, contacts, new ProviderLists(),
                new TenantActivityBook(), ContentAnalyzer.load(), OptOutLanguage.load(), scratch.ledger());
        engine = new PolicyEngine(StandardRulebook.load());
        requests = mixedTraffic(new Random(42));
        resolved = new Facts[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            resolved[i] = facts.resolve(tenant, requests[i]);
        }
    }

    /** 85% recipients with a consent record, 10% unknown ones; 10% at night; 3% from an unverified number; 5% transactional. */
    private SendRequest[] mixedTraffic(Random random) {
        Instant day = Instant.parse("2026-03-14T18:00:00Z");
        Instant night = Instant.parse("2026-03-15T04:30:00Z");
        SendRequest[] out = new SendRequest[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            int roll = random.nextInt(100);
            String to = roll < 90 ? SyntheticContacts.number(random.nextInt(consents)) : SyntheticContacts.number(consents + random.nextInt(consents));
            String from = random.nextInt(100) < 3 ? "+18005550100" : "+18005550199";
            Purpose purpose = random.nextInt(100) < 5 ? Purpose.TRANSACTIONAL : Purpose.MARKETING;
            Instant at = random.nextInt(100) < 10 ? night : day;
            out[i] = new SendRequest(Channel.SMS, from, to, purpose, "Bench: spring sale, 20% off today. Reply STOP to opt out.",
                    null, Map.of(), at, "US", null, false, false, false, null, "sale", false);
        }
        return out;
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        scratch.close();
    }

    @Benchmark
    public Verdict evaluate() {
        int i = next++ & (SAMPLES - 1);
        return engine.evaluate(requests[i], resolved[i]);
    }

    @Benchmark
    public Verdict resolveAndEvaluate() {
        int i = next++ & (SAMPLES - 1);
        SendRequest request = requests[i];
        return engine.evaluate(request, facts.resolve(tenant, request));
    }
}
