package org.consentry.bench;

import java.nio.file.Path;
import java.util.Locale;
import org.consentry.testing.SyntheticRegistry;

/**
 * Writes a made-up national registry file of any size, the way the registry gives it (sorted
 * {@code AAA,NNNNNNN} lines over every US area code): {@code java -cp bench/target/benchmarks.jar
 * org.consentry.bench.GenerateRegistry 250000000 /tmp/national.txt [plain|gzip|zip] [seed]}.
 */
public final class GenerateRegistry {

    private GenerateRegistry() {
    }

    public static void main(String[] args) throws Exception {
        long numbers = Long.parseLong(args[0]);
        Path out = Path.of(args[1]);
        SyntheticRegistry.Compression compression = args.length > 2
                ? SyntheticRegistry.Compression.valueOf(args[2].toUpperCase(Locale.ROOT)) : SyntheticRegistry.Compression.PLAIN;
        long seed = args.length > 3 ? Long.parseLong(args[3]) : 2026L;
        long started = System.nanoTime();
        long written = SyntheticRegistry.of(numbers, seed).write(out, compression);
        System.out.printf(Locale.ROOT, "%,d numbers written to %s in %.1f s%n", written, out, (System.nanoTime() - started) / 1e9);
    }
}
