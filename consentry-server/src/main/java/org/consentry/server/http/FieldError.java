package org.consentry.server.http;

/** One thing wrong with a request, and where: {@code items[3].channel}, {@code address}, a query parameter. */
public record FieldError(String field, String message) {
}
