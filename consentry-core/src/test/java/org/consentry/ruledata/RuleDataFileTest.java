package org.consentry.ruledata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class RuleDataFileTest {

    private static RuleDataFile read(String text) throws IOException {
        return RuleDataFile.read("test.tsv", new StringReader(text));
    }

    @Test
    void readsRowsAfterTheHeader() throws IOException {
        RuleDataFile file = read("# a comment\n# version: 2026-01-01\nnumber\tsource\n911\tFCC\n\n112\tEU\n");
        assertThat(file.version()).isEqualTo("2026-01-01");
        assertThat(file.rows()).extracting(row -> row.get("number")).containsExactly("911", "112");
        assertThat(file.rows().get(1).line()).isEqualTo(6);
    }

    @Test
    void namesTheFileLineAndKeyOfAnEmptyValue() {
        assertThatThrownBy(() -> read("# version: 1\nnumber\tsource\n911\t \n"))
                .isInstanceOf(RuleDataException.class).hasMessage("test.tsv:3 [source]: empty");
    }

    @Test
    void namesTheLineOfARowWithTheWrongShape() {
        assertThatThrownBy(() -> read("# version: 1\nnumber\tsource\n911\n"))
                .hasMessageStartingWith("test.tsv:3: expected 2 tab-separated columns");
    }

    @Test
    void requiresASourceColumnAndAVersion() {
        assertThatThrownBy(() -> read("# version: 1\nnumber\n911\n")).hasMessage("test.tsv:2: the header has no source column");
        assertThatThrownBy(() -> read("number\tsource\n911\tFCC\n")).hasMessage("test.tsv: no '# version:' line");
    }

    @Test
    void aMissingResourceIsNamed() {
        assertThatThrownBy(() -> RuleDataFile.resource("/nope.tsv")).hasMessage("/nope.tsv: not found on the class path");
    }

    @Test
    void everyBundledFileLoads() {
        for (String path : new String[] {"/org/consentry/rules/emergency-numbers.tsv", "/org/consentry/rules/quiet-hours.tsv",
                "/org/consentry/rules/sms-keywords.tsv", "/org/consentry/rules/restricted-industries.tsv"}) {
            assertThat(RuleDataFile.resource(path).rows()).as(path).isNotEmpty();
        }
    }
}
