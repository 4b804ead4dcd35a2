package org.consentry.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChainVerifierTest {

    private static final Instant AT = Instant.parse("2026-03-14T16:00:00.123Z");

    /** One stored row as a store would hold it. */
    private record Row(long seq, Instant at, String type, Map<String, Object> fields, String payload, String prev, String hash) {
    }

    private static List<Row> chain(String tenant, int length) {
        List<Row> rows = new ArrayList<>();
        String prev = ChainHash.GENESIS;
        for (int i = 1; i <= length; i++) {
            Map<String, Object> fields = new InternalDncAdded("+1305555" + String.format("%04d", i), AT).fields();
            String hash = ChainHash.of(tenant, i, AT, "internal_dnc.added", fields, prev);
            rows.add(new Row(i, AT, "internal_dnc.added", fields, CanonicalJson.write(fields), prev, hash));
            prev = hash;
        }
        return rows;
    }

    private static ChainVerification verify(String tenant, List<Row> rows) {
        ChainVerifier verifier = new ChainVerifier(tenant);
        for (Row row : rows) {
            verifier.accept(row.seq(), row.at(), row.type(), row.fields(), row.payload(), row.prev(), row.hash());
        }
        return verifier.result();
    }

    @Test
    void anUntouchedChainVerifies() {
        List<Row> rows = chain("ten_a", 5);
        ChainVerification result = verify("ten_a", rows);
        assertThat(result.intact()).isTrue();
        assertThat(result.length()).isEqualTo(5);
        assertThat(result.head()).isEqualTo(rows.get(4).hash());
    }

    @Test
    void anEmptyChainVerifiesWithTheGenesisHead() {
        assertThat(verify("ten_a", List.of())).isEqualTo(ChainVerification.intact(0, ChainHash.GENESIS));
    }

    @Test
    void aChangedFieldBreaksTheChainAtThatEvent() {
        List<Row> rows = chain("ten_a", 5);
        Row third = rows.get(2);
        Map<String, Object> altered = new InternalDncAdded("+13055559999", AT).fields();
        rows.set(2, new Row(3, third.at(), third.type(), altered, CanonicalJson.write(altered), third.prev(), third.hash()));
        ChainVerification result = verify("ten_a", rows);
        assertThat(result.intact()).isFalse();
        assertThat(result.brokenAt()).isEqualTo(3);
        assertThat(result.length()).isEqualTo(2);
        assertThat(result.problem()).isEqualTo("the hash does not match the event");
    }

    @Test
    void aRemovedEventBreaksTheChain() {
        List<Row> rows = chain("ten_a", 5);
        rows.remove(1);
        ChainVerification result = verify("ten_a", rows);
        assertThat(result.brokenAt()).isEqualTo(3);
        assertThat(result.problem()).contains("expected event 2");
    }

    @Test
    void aChainCannotBePassedOffAsAnotherTenants() {
        assertThat(verify("ten_b", chain("ten_a", 2)).intact()).isFalse();
    }

    @Test
    void aPayloadThatIsNotCanonicalIsTampering() {
        List<Row> rows = chain("ten_a", 2);
        Row first = rows.get(0);
        rows.set(0, new Row(1, first.at(), first.type(), first.fields(), " " + first.payload(), first.prev(), first.hash()));
        assertThat(verify("ten_a", rows).problem()).contains("canonical");
    }

    @Test
    void aRecomputedHashStillFailsAtTheNextLink() {
        List<Row> rows = chain("ten_a", 3);
        Row first = rows.get(0);
        Map<String, Object> altered = new InternalDncAdded("+13055559999", AT).fields();
        String rehashed = ChainHash.of("ten_a", 1, AT, first.type(), altered, first.prev());
        rows.set(0, new Row(1, AT, first.type(), altered, CanonicalJson.write(altered), first.prev(), rehashed));
        ChainVerification result = verify("ten_a", rows);
        assertThat(result.brokenAt()).isEqualTo(2);
        assertThat(result.problem()).contains("prev_hash");
    }
}
