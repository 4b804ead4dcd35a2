package org.consentry.address;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes {@link NanpPrefixTable#RESOURCE} for the libphonenumber version on the class path, by the fast path's
 * own sampling of every seven-digit prefix (two minutes on two cores). Run it after upgrading libphonenumber:
 * {@code java -cp "$(cat cp.txt):consentry-core/target/classes:consentry-core/target/test-classes"
 * org.consentry.address.NanpPrefixTableGenerator} (cp.txt from {@code maven-dependency-plugin:build-classpath
 * -Dmdep.includeScope=test}), or from an IDE.
 */
public final class NanpPrefixTableGenerator {

    private NanpPrefixTableGenerator() {
    }

    public static NanpPrefixTable generate() throws InterruptedException {
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        byte[] codes = new byte[NanpPrefixTable.PREFIXES];
        List<String> regions = new ArrayList<>();
        int threads = Runtime.getRuntime().availableProcessors();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int first = t;
            Thread worker = new Thread(() -> {
                List<String> local = new ArrayList<>();
                NanpFastPath learner = new NanpFastPath(util, null);
                for (int areaCode = NanpPrefixTable.FIRST_AREA_CODE + first; areaCode < 1000; areaCode += threads) {
                    for (int rest = 0; rest < 10_000; rest++) {
                        int code = learner.learnt(areaCode * 10_000_000L + rest * 1_000L, local);
                        if (code >= NanpPrefixTable.VALID) {
                            synchronized (regions) {
                                String region = local.get(code - NanpPrefixTable.VALID);
                                int index = regions.indexOf(region);
                                if (index < 0) {
                                    regions.add(region);
                                    index = regions.size() - 1;
                                }
                                code = NanpPrefixTable.VALID + index;
                            }
                        }
                        codes[(areaCode - NanpPrefixTable.FIRST_AREA_CODE) * 10_000 + rest] = (byte) code;
                    }
                }
            });
            worker.start();
            workers.add(worker);
        }
        for (Thread worker : workers) {
            worker.join();
        }
        return new NanpPrefixTable(NanpPrefixTable.libphonenumberVersion(), regions, codes);
    }

    public static void main(String[] args) throws Exception {
        long started = System.nanoTime();
        NanpPrefixTable table = generate();
        Path file = Path.of(args.length > 0 ? args[0] : "consentry-core/src/main/resources" + NanpPrefixTable.RESOURCE);
        try (OutputStream out = Files.newOutputStream(file)) {
            table.write(out);
        }
        System.out.printf("%s written to %s in %.1f s%n", table, file, (System.nanoTime() - started) / 1e9);
    }
}
