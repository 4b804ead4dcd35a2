package org.consentry.bench;

import java.util.concurrent.TimeUnit;
import org.consentry.inbound.ReplyClassifier;
import org.consentry.inbound.ReplyIntent;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reading SMS replies (issue 5 target: at least 200,000 a second on one core): replies as recipients send them,
 * keywords and free text, in four languages, a third of them revocations.
 */
@State(Scope.Benchmark)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class ReplyClassifierBenchmark {

    static final String[] REPLIES = {
        "STOP", "Stop.", "stop please", "please stop texting me", "Unsubscribe me pls", "leave me alone!!", "No more messages",
        "Who is this? Stop texting me", "I said stop", "stpo", "BAJA", "No me envíes más mensajes", "Arrêt", "Ne m'envoyez plus de SMS",
        "STOPP", "Keine Nachrichten mehr bitte", "wrong number", "Not interested", "can you stop?", "No",
        "Thanks!", "ok", "See you at 5", "Running 10 min late, sorry!", "Can I change my appointment to Thursday?",
        "I'll stop by the store at 5", "can you stop by?", "Don't stop!", "Which bus stop is closest?",
        "When will my order arrive? It's been a week", "Cancel my appointment for tomorrow", "What time do you open on Sunday?",
        "Para mañana por favor", "Gracias, nos vemos", "Merci, à demain", "Danke, bis morgen", "👍", "lol ok",
        "Great, thanks! See you Thursday at 3 then. I'll bring the paperwork we talked about.",
        "YES", "Yes please", "START", "sign me up!", "Sí", "Oui", "Ja",
        "HELP", "Who is this?", "¿Quién es?", "I need help with my order",
    };

    int next;
    ReplyClassifier classifier;

    @org.openjdk.jmh.annotations.Setup
    public void setUp() {
        classifier = ReplyClassifier.load();
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public ReplyIntent classify() {
        String reply = REPLIES[next];
        next = next + 1 == REPLIES.length ? 0 : next + 1;
        return classifier.classify(reply);
    }
}
