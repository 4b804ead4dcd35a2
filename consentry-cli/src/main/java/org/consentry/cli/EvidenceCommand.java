package org.consentry.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Map;
import java.util.concurrent.Callable;
import org.consentry.evidence.EvidenceSignature;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code consentry evidence}: proof bundles, checked offline. */
@Command(name = "evidence", description = "Work with proof bundles (GET /v1/evidence).",
        subcommands = {EvidenceCommand.Verify.class, CommandLine.HelpCommand.class})
final class EvidenceCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Exit 0 when the bundle verifies, 1 when it does not (the first event at fault named), 2 when it cannot be read. */
    @Command(name = "verify", description = "Check a proof bundle offline: every event's hash, their links, and the server's signature.")
    static final class Verify implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "BUNDLE", description = "the bundle, as GET /v1/evidence returned it")
        Path bundle;

        @Option(names = "--key", required = true, paramLabel = "KEY",
                description = "the server's public key: the base64 value of GET /v1/keys, or a file holding it or that whole answer")
        String key;

        @Override public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            // a name given twice or a second document after the first would show a reader what the signature does not cover
            ObjectMapper json = new ObjectMapper().enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                    .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
            Map<String, Object> read;
            try {
                read = json.readValue(Files.readAllBytes(bundle), new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() { });
            } catch (com.fasterxml.jackson.core.exc.StreamReadException | com.fasterxml.jackson.databind.exc.MismatchedInputException e) {
                if (e.getMessage() != null && (e.getMessage().startsWith("Duplicate field") || e.getMessage().startsWith("Trailing token"))) {
                    out.println("FAILED: the bundle is not one JSON document naming each field once, as it was signed: "
                            + e.getOriginalMessage());
                    return 1;
                }
                err.println("cannot read " + bundle + ": " + e.getMessage());
                return 2;
            } catch (IOException e) {
                err.println("cannot read " + bundle + ": " + e.getMessage());
                return 2;
            }
            PublicKey publicKey;
            try {
                publicKey = publicKey(json, read);
            } catch (KeyNotTrusted e) {
                // the keys given are readable, and none of them signed this bundle: it does not verify
                out.println("FAILED: " + e.getMessage());
                return 1;
            } catch (IllegalArgumentException | IOException e) {
                err.println("cannot read the key: " + e.getMessage());
                return 2;
            }
            EvidenceSignature.Verification result = EvidenceSignature.verify(read, publicKey);
            if (result.ok()) {
                out.println("verified: " + result.events() + " events about " + read.get("address") + " (tenant " + read.get("tenant")
                        + "), signed by key " + EvidenceSignature.keyId(publicKey) + " at " + read.get("issued_at"));
                return 0;
            }
            out.println("FAILED" + (result.failedSeq() == null ? "" : " at event " + result.failedSeq()) + ": " + result.problem());
            return 1;
        }

        /** The bundle names a key the keys given do not hold. */
        private static final class KeyNotTrusted extends RuntimeException {
            KeyNotTrusted(String message) {
                super(message);
            }
        }

        /** The key from --key: base64 text, or a file holding it, or a file holding GET /v1/keys (the bundle's key_id picked). */
        private PublicKey publicKey(ObjectMapper json, Map<String, Object> bundle) throws IOException {
            String text = key;
            Path file = Path.of(key);
            if (key.length() < 4_096 && Files.isRegularFile(file)) {
                text = Files.readString(file).strip();
            }
            if (text.startsWith("{")) {
                JsonNode keys = json.readTree(text).path("keys");
                Object signature = bundle.get("signature");
                Object wanted = signature instanceof Map<?, ?> map ? map.get("key_id") : null;
                for (JsonNode candidate : keys) {
                    if (wanted == null || wanted.equals(candidate.path("key_id").asText())) {
                        return EvidenceSignature.publicKey(candidate.path("public_key").asText());
                    }
                }
                throw new KeyNotTrusted("the bundle is signed by key " + wanted + ", which the keys file does not hold");
            }
            return EvidenceSignature.publicKey(text.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
        }
    }
}
