package org.consentry.server.http;

import java.util.List;

/**
 * A request Consentry will not serve, answered as an RFC 9457 problem: a 4xx (or a 503 when a store did
 * not answer) with a type, a title, a detail and, for validation, the fields at fault.
 */
public final class ApiProblem extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String type;
    private final String title;
    private final List<FieldError> errors;

    public ApiProblem(int status, String type, String title, String detail, List<FieldError> errors) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public static ApiProblem invalid(List<FieldError> errors) {
        String detail = errors.size() == 1
                ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid; see errors";
        return new ApiProblem(400, "urn:consentry:problem:invalid-request", "The request is invalid", detail, errors);
    }

    public static ApiProblem invalid(String field, String message) {
        return invalid(List.of(new FieldError(field, message)));
    }

    public static ApiProblem unauthorized(String detail) {
        return new ApiProblem(401, "urn:consentry:problem:unauthorized", "Authentication required", detail, List.of());
    }

    public static ApiProblem forbidden(String detail) {
        return new ApiProblem(403, "urn:consentry:problem:forbidden", "Not allowed with this key", detail, List.of());
    }

    public static ApiProblem notFound(String detail) {
        return new ApiProblem(404, "urn:consentry:problem:not-found", "Not found", detail, List.of());
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
