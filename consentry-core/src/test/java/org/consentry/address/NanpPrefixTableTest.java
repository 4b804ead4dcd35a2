package org.consentry.address;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The bundled prefix table is libphonenumber's own answer, for the version in use. */
class NanpPrefixTableTest {

    @Test
    void theBundledTableIsForTheLibphonenumberInUse() {
        NanpPrefixTable table = NanpPrefixTable.bundled();
        assertThat(table).as("made with libphonenumber %s? regenerate with NanpPrefixTableGenerator",
                NanpPrefixTable.libphonenumberVersion()).isNotNull();
        assertThat(table.version()).isEqualTo(NanpPrefixTable.libphonenumberVersion());
    }

    @Test
    void heldByExchangeItAnswersEveryPrefixAsTheFileWritesIt() throws Exception {
        byte[] file;
        try (java.io.InputStream in = NanpPrefixTable.class.getResourceAsStream(NanpPrefixTable.RESOURCE)) {
            file = in.readAllBytes();
        }
        byte[] codes = prefixCodes(file);
        NanpPrefixTable table = NanpPrefixTable.read(new java.io.ByteArrayInputStream(file));
        int split = 0;
        for (int prefix = 0; prefix < NanpPrefixTable.PREFIXES; prefix++) {
            int areaCode = NanpPrefixTable.FIRST_AREA_CODE + prefix / 10_000;
            assertThat(table.code(areaCode, prefix % 10_000)).as("%d-%04d", areaCode, prefix % 10_000).isEqualTo(codes[prefix]);
            if (prefix % 10 > 0 && codes[prefix] != codes[prefix - 1]) {
                split++;
            }
        }
        assertThat(split).as("exchanges whose thousand-blocks differ (the table's exceptions)").isPositive();
        java.io.ByteArrayOutputStream written = new java.io.ByteArrayOutputStream();
        table.write(written);
        assertThat(prefixCodes(written.toByteArray())).isEqualTo(codes);
    }

    /** The file's one byte per prefix, read without the class under test. */
    private static byte[] prefixCodes(byte[] file) throws java.io.IOException {
        java.io.DataInputStream in = new java.io.DataInputStream(new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(file)));
        in.readUTF();
        in.readUTF();
        int regions = in.readUnsignedByte();
        for (int i = 0; i < regions; i++) {
            in.readUTF();
        }
        byte[] codes = new byte[NanpPrefixTable.PREFIXES];
        in.readFully(codes);
        return codes;
    }

    @Test
    void aSampleOfItsPrefixesAgreesWithLibphonenumberLearntNow() {
        NanpPrefixTable table = NanpPrefixTable.bundled();
        NanpFastPath learner = new NanpFastPath(PhoneNumberUtil.getInstance(), null);
        List<String> regions = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(2026);
        for (int i = 0; i < 20_000; i++) {
            int areaCode = 200 + random.nextInt(800);
            int rest = random.nextInt(10_000);
            int learnt = learner.learnt(areaCode * 10_000_000L + rest * 1_000L, regions);
            int bundled = table.code(areaCode, rest);
            String prefix = areaCode + "-" + rest;
            if (learnt >= NanpPrefixTable.VALID) {
                assertThat(bundled).as(prefix).isGreaterThanOrEqualTo(NanpPrefixTable.VALID);
                assertThat(table.regions().get(bundled - NanpPrefixTable.VALID)).as(prefix)
                        .isEqualTo(regions.get(learnt - NanpPrefixTable.VALID));
            } else {
                assertThat(bundled).as(prefix).isEqualTo(learnt);
            }
        }
    }

    @Test
    void withTheTableTheFastPathAnswersAsWithoutIt() {
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        NanpFastPath withTable = new NanpFastPath(util, NanpPrefixTable.bundled());
        NanpFastPath learning = new NanpFastPath(util, null);
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 20_000; i++) {
            String number = "+1" + (2_000_000_000L + random.nextLong(8_000_000_000L));
            assertThat(withTable.parse(number, "US")).as(number).isEqualTo(learning.parse(number, "US"));
        }
    }
}
