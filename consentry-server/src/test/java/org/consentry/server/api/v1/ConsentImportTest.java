package org.consentry.server.api.v1;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.consentry.server.testing.HttpAnswer;
import org.consentry.server.testing.TestServer;
import org.consentry.store.testing.MutableClock;
import org.consentry.store.testing.StoreFixture;

/**
 * CSV consent imports over HTTP: a declared source and collection method, bought lists refused, bad rows named by
 * line and column with nothing written, and any file answered with a result or a problem, never a 500.
 */
class ConsentImportTest {

    private static final String PATH = "/v1/consents/import?source=Spring%202026%20checkout%20form&collection_method=web_form"
            + "&channel=sms&purpose=marketing";
    private static final String GOOD = """
            address,captured_at,confirmed,ip,user_agent,source_url,disclosure_text,frequency
            (305) 555-0100,2026-01-10T15:00:00Z,true,203.0.113.7,Mozilla/5.0,https://shop.example/join,"By checking this box, you agree to texts.",4/month
            +13055550101,2026-01-11T09:30:00Z,true,,,,"Text JOIN to 12345, \"\"Acme deals\"\"",
            """;

    private static Path directory;
    private static TestServer server;
    private static TestServer.Tenant acme;

    @BeforeContainer
    static void start() throws Exception {
        directory = java.nio.file.Files.createTempDirectory("consent-import");
        server = new TestServer(directory, new MutableClock(StoreFixture.START));
        acme = server.tenantWithSender("Acme");
    }

    @AfterContainer
    static void stop() {
        server.close();
    }

    private static HttpAnswer post(String path, String csv) {
        return server.postCsv(path, acme.key(), csv);
    }

    @net.jqwik.api.Example
    void aListWithItsSourceIsImportedRowByRowWithItsEvidence() {
        HttpAnswer imported = post(PATH, GOOD);
        assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
        assertThat(imported.json().at("/imported").asInt()).isEqualTo(2);
        assertThat(imported.text("/source")).isEqualTo("Spring 2026 checkout form");

        HttpAnswer history = server.get("/v1/consents?address=%2B13055550100", acme.key());
        assertThat(history.text("/events/0/event/import_source")).isEqualTo("Spring 2026 checkout form");
        assertThat(history.text("/events/0/event/method")).isEqualTo("web_form");
        assertThat(history.text("/events/0/event/disclosure_text")).isEqualTo("By checking this box, you agree to texts.");
        assertThat(server.get("/v1/consents?address=%2B13055550101", acme.key()).text("/events/0/event/disclosure_text"))
                .isEqualTo("Text JOIN to 12345, \"Acme deals\"");

        String decision = server.post("/v1/checks", acme.key(), """
                {"channel": "sms", "from": "+18005550199", "to": "+13055550101", "purpose": "marketing",
                 "body": "Acme: spring sale, 20% off today. Reply STOP to opt out."}""").text("/decision");
        assertThat(decision).isEqualTo("allow");
    }

    @net.jqwik.api.Example
    void boughtRentedAppendedOrHarvestedListsAreRefused() {
        for (String method : new String[] {"purchased", "rented", "appended", "harvested", "Purchased"}) {
            long before = server.ledgerSize();
            HttpAnswer refused = post(PATH.replace("collection_method=web_form", "collection_method=" + method), GOOD);
            assertThat(refused.status()).as(method).isEqualTo(422);
            assertThat(refused.isProblem()).isTrue();
            assertThat(refused.body()).contains("collection_method").contains("cannot be imported");
            assertThat(server.ledgerSize()).isEqualTo(before);
        }
    }

    /** A source that says the list was bought, rented, appended or harvested declares a list that carries no consent. */
    @net.jqwik.api.Example
    void aSourceNamingABoughtListIsRefused() {
        for (String source : new String[] {"purchased", "Purchased%20list", "%20RENTED%20", "appended-data", "harvested_emails",
                "Leads%20(Purchased%20from%20DataCo)"}) {
            long before = server.ledgerSize();
            HttpAnswer refused = post(PATH.replace("source=Spring%202026%20checkout%20form", "source=" + source), GOOD);
            assertThat(refused.status()).as(source).isEqualTo(422);
            assertThat(refused.isProblem()).isTrue();
            assertThat(refused.json().at("/errors/0/field").asText()).isEqualTo("source");
            assertThat(server.ledgerSize()).isEqualTo(before);
        }
    }

    /** A parameter given twice: which one declares the list is unknown, so a purchased list cannot pass behind a web_form. */
    @net.jqwik.api.Example
    void aParameterGivenTwiceIsRefused() {
        long before = server.ledgerSize();
        for (String twice : new String[] {"&collection_method=purchased", "&source=purchased", "&channel=email"}) {
            HttpAnswer refused = post(PATH + twice, GOOD);
            assertThat(refused.status()).as(twice).isEqualTo(400);
            assertThat(refused.isProblem()).isTrue();
            assertThat(refused.json().at("/errors/0/field").asText()).isEqualTo(twice.substring(1, twice.indexOf('=')));
        }
        assertThat(server.ledgerSize()).isEqualTo(before);
    }

    @net.jqwik.api.Example
    void theSourceAndMethodMustBeDeclared() {
        HttpAnswer missing = post("/v1/consents/import?channel=sms&purpose=marketing", GOOD);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body()).contains("\"source\"").contains("\"collection_method\"");
    }

    @net.jqwik.api.Example
    void aBadRowIsNamedByLineAndColumnAndNothingOfTheFileIsWritten() {
        long before = server.ledgerSize();
        HttpAnswer refused = post(PATH, """
                address,captured_at,confirmed
                +13055550110,2026-01-10T15:00:00Z,true
                +13055550111,yesterday,true
                not a number,2026-01-10T15:00:00Z,maybe
                """);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().at("/errors").findValuesAsText("field"))
                .containsExactly("line 3, column captured_at", "line 4, column address", "line 4, column confirmed");
        assertThat(refused.text("/detail")).contains("nothing was imported");
        assertThat(server.ledgerSize()).isEqualTo(before);
        assertThat(server.get("/v1/consents?address=%2B13055550110", acme.key()).json().at("/events").size()).isZero();
    }

    @net.jqwik.api.Example
    void unknownColumnsAndBrokenCsvAreNamed() {
        assertThat(post(PATH, "address,captured_at,shoe_size\n+13055550120,2026-01-10T15:00:00Z,9\n").body())
                .contains("line 1, column shoe_size");
        assertThat(post(PATH, "address,captured_at\n\"+13055550121,2026-01-10T15:00:00Z\n").body()).contains("not closed");
        assertThat(post(PATH, "captured_at\n2026-01-10T15:00:00Z\n").body()).contains("needs a column address");
        assertThat(post(PATH, "").status()).isEqualTo(400);
    }

    /** Two columns of one name: which holds the address is unknown, so the file is refused, not read by its last column. */
    @net.jqwik.api.Example
    void aColumnGivenTwiceIsRefused() {
        HttpAnswer twice = post(PATH, "address,Address,captured_at\n+13055550122,+13055550123,2026-01-10T15:00:00Z\n");
        assertThat(twice.status()).isEqualTo(400);
        assertThat(twice.body()).contains("line 1, column address").contains("given twice (columns 1 and 2)");
        assertThat(server.get("/v1/consents?address=%2B13055550123", acme.key()).json().at("/events").size()).isZero();
        assertThat(server.get("/v1/consents?address=%2B13055550122", acme.key()).json().at("/events").size()).isZero();
    }

    @Property(tries = 300)
    void anyFileIsAnsweredWithAResultOrAProblemAndABadOneWritesNothing(@ForAll("files") String csv) {
        long before = server.ledgerSize();
        HttpAnswer answer = post(PATH, csv);
        assertThat(answer.status()).as(csv).isIn(201, 400, 422);
        if (answer.status() != 201) {
            assertThat(answer.isProblem()).isTrue();
            assertThat(server.ledgerSize()).isEqualTo(before);
        }
    }

    @Provide
    Arbitrary<String> files() {
        Arbitrary<String> cell = Arbitraries.oneOf(Arbitraries.of("+13055550130", "(305) 555-0131", "2026-01-10T15:00:00Z", "true", "x",
                "", "\"a,b\"", "\"unclosed", "203.0.113.9", "https://a.example/", "\"\"\"\"", "4/month"), Arbitraries.strings().ofMaxLength(12));
        Arbitrary<String> row = cell.list().ofMinSize(1).ofMaxSize(4).map(cells -> String.join(",", cells));
        Arbitrary<String> header = Arbitraries.of("address,captured_at", "address,captured_at,confirmed", "address", "captured_at,address,ip",
                "address,captured_at,source_url,frequency");
        return net.jqwik.api.Combinators.combine(header, row.list().ofMaxSize(5), Arbitraries.of("\n", "\r\n"))
                .as((h, rows, eol) -> h + eol + String.join(eol, rows) + eol);
    }
}
