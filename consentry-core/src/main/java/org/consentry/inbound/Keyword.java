package org.consentry.inbound;

/** A recognised keyword, e.g. STOP, and what it asks for. */
public record Keyword(String word, KeywordAction action) {
}
