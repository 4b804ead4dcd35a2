package org.consentry.server.api.v1;

import io.javalin.http.Context;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.consentry.consent.ConsentMethod;
import org.consentry.ledger.ConsentEvidence;
import org.consentry.policy.Channel;
import org.consentry.policy.Purpose;
import org.consentry.server.http.ApiProblem;
import org.consentry.server.http.Authenticator;
import org.consentry.server.http.Endpoints;
import org.consentry.server.http.FieldError;
import org.consentry.store.consent.Consents;
import org.consentry.store.consent.NewConsent;
import org.consentry.tenant.TenantProfile;

/**
 * Consent lists imported as CSV ({@code POST /v1/consents/import}). The request declares where the list came from
 * ({@code source}) and how its consents were collected ({@code collection_method}); a list bought, rented,
 * appended or harvested is refused, since consent is given by a person to a sender and cannot be transferred.
 * Every row is checked before anything is written: one bad row (reported by line and column) refuses the file,
 * and a file accepted is written in one append, all or nothing. Each consent keeps its row's evidence and the
 * declared source.
 */
final class ConsentImportRoutes {

    static final int MAX_ROWS = 100_000;
    static final int MAX_ERRORS = 100;
    private static final Set<String> NOT_CONSENT = Set.of("purchased", "rented", "appended", "harvested");
    private static final Map<String, ConsentMethod> METHODS = Map.of("web_form", ConsentMethod.WEB_FORM, "keyword", ConsentMethod.KEYWORD,
            "paper", ConsentMethod.PAPER, "verbal", ConsentMethod.VERBAL, "api", ConsentMethod.API);
    private static final Set<String> COLUMNS = Set.of("address", "captured_at", "confirmed", "ip", "user_agent", "source_url",
            "disclosure_text", "frequency", "country");

    private final Authenticator auth;
    private final Consents consents;
    private final Addresses addresses;
    private final Clock clock;

    ConsentImportRoutes(Authenticator auth, Consents consents, Addresses addresses, Clock clock) {
        this.auth = auth;
        this.consents = consents;
        this.addresses = addresses;
        this.clock = clock;
    }

    void register(Endpoints endpoints) {
        endpoints.post("/v1/consents/import", this::importList);
    }

    private void importList(Context ctx) {
        TenantProfile tenant = auth.tenant(ctx);
        List<FieldError> errors = new ArrayList<>();
        String source = param(ctx, "source", 500, errors);
        String declared = param(ctx, "collection_method", 32, errors);
        if (declared != null && NOT_CONSENT.contains(declared.toLowerCase(Locale.ROOT))) {
            throw new ApiProblem(422, "urn:consentry:problem:consent-not-transferable", "Consent cannot be bought or borrowed",
                    "a " + declared.toLowerCase(Locale.ROOT) + " list carries no consent: prior express consent is given by the recipient to "
                            + "the sender (47 CFR 64.1200(f)(9); CTIA Messaging Principles 5.1), so the consents of a purchased, rented, "
                            + "appended or harvested list cannot be imported",
                    List.of(new FieldError("collection_method", "must not be purchased, rented, appended or harvested")));
        }
        String bought = source == null ? null : notConsent(source);
        if (bought != null) {
            throw new ApiProblem(422, "urn:consentry:problem:consent-not-transferable", "Consent cannot be bought or borrowed",
                    "the source says the list was " + bought + ": prior express consent is given by the recipient to the sender "
                            + "(47 CFR 64.1200(f)(9); CTIA Messaging Principles 5.1), so the consents of a purchased, rented, appended or "
                            + "harvested list cannot be imported, whatever collection_method says",
                    List.of(new FieldError("source", "names a " + bought + " list; such a list carries no consent")));
        }
        ConsentMethod method = declared == null ? null : METHODS.get(declared);
        if (declared != null && method == null) {
            errors.add(new FieldError("collection_method", "must be one of web_form, keyword, paper, verbal, api"));
        }
        Channel channel = channelParam(ctx, errors);
        String purposeName = param(ctx, "purpose", 16, errors);
        Purpose purpose = purposeName == null ? null : ConsentRoutes.consentPurpose(purposeName).orElse(null);
        if (purposeName != null && purpose == null) {
            errors.add(new FieldError("purpose", "must be one of marketing, transactional, informational"));
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.invalid(errors);
        }
        List<CsvReader.Row> rows;
        try {
            rows = CsvReader.read(utf8(ctx.bodyAsBytes()), MAX_ROWS + 1);
        } catch (CsvReader.Malformed e) {
            throw ApiProblem.invalid("line " + e.line(), e.getMessage());
        }
        if (rows.isEmpty()) {
            throw ApiProblem.invalid("body", "the file is empty: a header row (address, captured_at, ...) and one row per consent");
        }
        List<String> header = new ArrayList<>();
        for (String name : rows.get(0).fields()) {
            header.add(name.strip().toLowerCase(Locale.ROOT));
        }
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i);
            if (!COLUMNS.contains(name)) {
                errors.add(new FieldError("line 1, column " + name, "is not a column of a consent list; the columns are " + COLUMNS));
            } else if (header.indexOf(name) < i) {
                errors.add(new FieldError("line 1, column " + name, "is given twice (columns " + (header.indexOf(name) + 1) + " and "
                        + (i + 1) + "); which one holds the " + name + " is unknown"));
            }
        }
        for (String required : List.of("address", "captured_at")) {
            if (!header.contains(required)) {
                errors.add(new FieldError("line 1", "needs a column " + required));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.invalid(errors);
        }
        List<NewConsent> list = new ArrayList<>(rows.size() - 1);
        for (CsvReader.Row row : rows.subList(1, rows.size())) {
            NewConsent consent = consent(row, header, channel, purpose, method, source, Addresses.regionOf(tenant), errors);
            if (consent != null) {
                list.add(consent);
            }
            if (errors.size() >= MAX_ERRORS) {
                break;
            }
        }
        if (!errors.isEmpty()) {
            throw new ApiProblem(400, "urn:consentry:problem:invalid-request", "The file has bad rows",
                    errors.size() + (errors.size() >= MAX_ERRORS ? " or more" : "") + " rows are wrong; nothing was imported",
                    errors);
        }
        if (list.isEmpty()) {
            throw ApiProblem.invalid("body", "the file has a header but no consents");
        }
        int imported = consents.importAll(tenant.id(), tenant.settings(), list);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("imported", imported);
        answer.put("source", source);
        answer.put("collection_method", declared);
        answer.put("channel", channel.wireName());
        answer.put("purpose", purpose.wireName());
        ctx.status(201).json(answer);
    }

    /** One row's consent; {@code defaultRegion} reads its number when the row names no {@code country} (the tenant's). */
    private NewConsent consent(CsvReader.Row row, List<String> header, Channel channel, Purpose purpose, ConsentMethod method,
                               String source, String defaultRegion, List<FieldError> errors) {
        int before = errors.size();
        if (row.fields().size() != header.size()) {
            errors.add(new FieldError("line " + row.line(), "has " + row.fields().size() + " fields; the header has " + header.size()));
            return null;
        }
        Map<String, String> cells = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String value = row.fields().get(i).strip();
            cells.put(header.get(i), value.isEmpty() ? null : value);
        }
        String country = cells.get("country");
        if (country != null && !Addresses.isRegion(country.toUpperCase(Locale.ROOT))) {
            cell(errors, row, "country", "must be an ISO 3166 country code such as US");
            country = null;
        }
        String raw = cells.get("address");
        String address = null;
        if (raw == null) {
            cell(errors, row, "address", "is required");
        } else if (raw.length() > 320) {
            cell(errors, row, "address", "must be at most 320 characters");
        } else {
            address = addresses.either(raw, country == null ? defaultRegion : country.toUpperCase(Locale.ROOT));
            boolean email = address != null && address.indexOf('@') > 0;
            if (address == null || email != (channel == Channel.EMAIL)) {
                cell(errors, row, "address", "'" + raw + "' is not " + (channel == Channel.EMAIL ? "an email address" : "a phone number"));
                address = null;
            }
        }
        Instant capturedAt = null;
        String at = cells.get("captured_at");
        if (at == null) {
            cell(errors, row, "captured_at", "is required: when the recipient gave consent");
        } else {
            try {
                capturedAt = Instant.parse(at);
                String wrong = org.consentry.server.http.JsonBody.outOfRange(capturedAt);
                if (wrong != null) {
                    cell(errors, row, "captured_at", wrong);
                } else if (capturedAt.isAfter(clock.instant().plusSeconds(300))) {
                    cell(errors, row, "captured_at", "is in the future");
                }
            } catch (DateTimeParseException e) {
                cell(errors, row, "captured_at", "must be an ISO-8601 time such as 2026-01-10T15:00:00Z");
            }
        }
        String confirmedText = cells.get("confirmed");
        boolean confirmed = false;
        if (confirmedText != null) {
            switch (confirmedText.toLowerCase(Locale.ROOT)) {
                case "true", "yes", "1" -> confirmed = true;
                case "false", "no", "0" -> confirmed = false;
                default -> cell(errors, row, "confirmed", "must be true or false");
            }
        }
        String ip = cells.get("ip");
        if (ip != null && (ip.length() > 45 || !IpAddresses.isLiteral(ip))) {
            cell(errors, row, "ip", "must be an IPv4 or IPv6 address");
        }
        String userAgent = limited(errors, row, cells, "user_agent", 1_000);
        String sourceUrl = limited(errors, row, cells, "source_url", 2_048);
        if (sourceUrl != null && !ConsentRoutes.isWebUrl(sourceUrl)) {
            cell(errors, row, "source_url", "must be an http or https URL");
        }
        String disclosure = limited(errors, row, cells, "disclosure_text", 10_000);
        String frequency = limited(errors, row, cells, "frequency", 100);
        if (errors.size() > before) {
            return null;
        }
        return new NewConsent(address, channel, purpose, method, capturedAt, confirmed,
                new ConsentEvidence(ip, userAgent, sourceUrl, disclosure, frequency, source));
    }

    private static String limited(List<FieldError> errors, CsvReader.Row row, Map<String, String> cells, String column, int max) {
        String value = cells.get(column);
        if (value != null && value.length() > max) {
            cell(errors, row, column, "must be at most " + max + " characters");
            return null;
        }
        return value;
    }

    private static void cell(List<FieldError> errors, CsvReader.Row row, String column, String message) {
        errors.add(new FieldError("line " + row.line() + ", column " + column, message));
    }

    /**
     * The word of {@link #NOT_CONSENT} the declared source holds, in any case and between any punctuation ("Purchased
     * list", "harvested_emails"), or null. A source is free text, but one that says how the list was bought is believed.
     */
    private static String notConsent(String source) {
        for (String word : source.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
            if (NOT_CONSENT.contains(word)) {
                return word;
            }
        }
        return null;
    }

    /** The required query parameter {@code channel}, or null with the error added. */
    static Channel channelParam(Context ctx, List<FieldError> errors) {
        String channelName = param(ctx, "channel", 16, errors);
        Channel channel = channelName == null ? null : Channel.fromWire(channelName).orElse(null);
        if (channelName != null && channel == null) {
            errors.add(new FieldError("channel", "must be one of sms, mms, email, voice, ivr, rvm"));
        }
        return channel;
    }

    static String param(Context ctx, String name, int max, List<FieldError> errors) {
        String value = ctx.queryParam(name);
        if (ctx.queryParams(name).size() > 1) {
            // which one counts is unknown: read as the first, "web_form&collection_method=purchased" imported a bought list
            errors.add(new FieldError(name, "is given more than once; give it once"));
            return null;
        }
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(name, "is required (a query parameter)"));
            return null;
        }
        if (value.length() > max) {
            errors.add(new FieldError(name, "must be at most " + max + " characters"));
            return null;
        }
        return value.strip();
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw ApiProblem.invalid("body", "the file is not UTF-8 text");
        }
    }
}
