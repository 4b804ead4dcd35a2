package org.consentry.policy.rules.content;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The labelled messages of {@code content/messages.tsv}: written for these tests, never sent. */
final class ContentFixture {

    record Message(int line, String label, String category, String channel, String body) {
    }

    private ContentFixture() {
    }

    /** The set the lexicons were tuned on. */
    static List<Message> load() {
        return load("/org/consentry/content/messages.tsv");
    }

    /** The set written blind to the lexicons and never tuned on. */
    static List<Message> holdout() {
        return load("/org/consentry/content/messages-holdout.tsv");
    }

    private static List<Message> load(String path) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                ContentFixture.class.getResourceAsStream(path), StandardCharsets.UTF_8))) {
            List<Message> messages = new ArrayList<>();
            String text;
            int line = 0;
            boolean header = true;
            while ((text = reader.readLine()) != null) {
                line++;
                if (text.isBlank() || text.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                String[] cells = text.split("\t", -1);
                if (cells.length != 4) {
                    throw new IllegalStateException(path + ":" + line + ": expected 4 columns");
                }
                messages.add(new Message(line, cells[0], cells[1], cells[2], cells[3]));
            }
            return messages;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
