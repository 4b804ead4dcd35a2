package org.consentry.server.api.v1;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.consentry.address.EmailAddressParser;
import org.consentry.address.PhoneNumberParser;
import org.consentry.consent.Consent;
import org.consentry.consent.OptInForm;
import org.consentry.policy.Channel;
import org.consentry.policy.Purpose;
import org.consentry.server.http.ApiProblem;
import org.consentry.server.http.Authenticator;
import org.consentry.server.http.Endpoints;
import org.consentry.server.http.Html;
import org.consentry.server.http.JsonBody;
import org.consentry.store.consent.OptInForms;
import org.consentry.store.projection.TenantDirectory;
import org.consentry.tenant.TenantProfile;
import org.consentry.tenant.TenantStatus;

/**
 * Hosted opt-in forms. A tenant publishes a form ({@code POST /v1/forms}, a new version with {@code PUT
 * /v1/forms/{id}}); recipients open it at {@code /optin/{id}}: a plain HTML page that works without JavaScript, with
 * one unticked box per channel beside the words the law and CTIA ask for. A submission records one pending consent per
 * box ticked, with the exact words shown, their SHA-256, the form's version, IP address, user agent, page and time,
 * and starts the double opt-in: the recipient confirms by replying YES or with the email's link.
 */
final class FormRoutes {

    static final int PER_IP_PER_HOUR = 30;
    /** How long a page showing a replaced version may still be submitted (a visitor who opened it before the change). */
    static final Duration SUPERSEDED_GRACE = Duration.ofHours(24);
    /** Sign-ups an hour for one phone number or email address: each sends its owner a confirmation. */
    static final int PER_ADDRESS_PER_HOUR = 3;
    private static final int MAX_ADDRESS = 320;

    private final Authenticator auth;
    private final OptInForms forms;
    private final TenantDirectory directory;
    private final PhoneNumberParser phones;
    private final EmailAddressParser emails;
    private final ObjectMapper json;
    private final Clock clock;
    private final String publicUrl;
    private final HourlyLimit limit = new HourlyLimit();

    FormRoutes(Authenticator auth, OptInForms forms, TenantDirectory directory, PhoneNumberParser phones, EmailAddressParser emails,
               ObjectMapper json, Clock clock, String publicUrl) {
        this.auth = auth;
        this.forms = forms;
        this.directory = directory;
        this.phones = phones;
        this.emails = emails;
        this.json = json;
        this.clock = clock;
        this.publicUrl = publicUrl;
    }

    void register(Endpoints endpoints) {
        endpoints.post("/v1/forms", this::publish);
        endpoints.get("/v1/forms", this::list);
        endpoints.get("/v1/forms/{id}", this::show);
        endpoints.put("/v1/forms/{id}", this::revise);
        endpoints.get("/optin/{form}", this::page);
        endpoints.post("/optin/{form}", this::submit);
    }

    // --- the tenant's API

    private void publish(Context ctx) {
        TenantProfile tenant = auth.tenant(ctx);
        OptInForm draft = read(JsonBody.parse(ctx.bodyAsBytes(), json));
        ctx.status(201).json(representation(ctx, forms.publish(tenant.id(), draft), tenant));
    }

    private void revise(Context ctx) {
        TenantProfile tenant = auth.tenant(ctx);
        OptInForm draft = read(JsonBody.parse(ctx.bodyAsBytes(), json));
        ctx.json(representation(ctx, forms.revise(tenant.id(), ctx.pathParam("id"), draft), tenant));
    }

    private void list(Context ctx) {
        TenantProfile tenant = auth.tenant(ctx);
        ctx.json(Map.of("forms", forms.of(tenant.id()).stream().map(form -> representation(ctx, form, tenant)).toList()));
    }

    private void show(Context ctx) {
        TenantProfile tenant = auth.tenant(ctx);
        String id = ctx.pathParam("id");
        String version = ctx.queryParam("version");
        Optional<OptInForms.Published> form;
        if (version == null) {
            form = forms.latest(id);
        } else {
            if (!version.matches("[0-9]{1,6}")) {
                throw ApiProblem.invalid("version", "must be a version number such as 2");
            }
            form = forms.version(id, Integer.parseInt(version));
        }
        OptInForms.Published found = form.filter(f -> f.tenant().equals(tenant.id()))
                .orElseThrow(() -> ApiProblem.notFound("no form " + id + (version == null ? "" : " version " + version)));
        ctx.json(representation(ctx, found, tenant));
    }

    private static OptInForm read(JsonBody body) {
        String name = body.string("name", 200);
        String title = body.optionalString("title", 200);
        List<Channel> channels = new ArrayList<>();
        List<String> names = body.strings("channels", 3, 16);
        for (int i = 0; i < names.size(); i++) {
            Optional<Channel> channel = Channel.fromWire(names.get(i)).filter(OptInForm.CHANNELS::contains);
            if (channel.isEmpty()) {
                body.reject("channels[" + i + "]", "must be one of sms, email (an sms consent also covers mms; calls have no"
                        + " double opt-in a form could start yet)");
            } else if (channels.contains(channel.get())) {
                body.reject("channels[" + i + "]", "is given twice");
            } else {
                channels.add(channel.get());
            }
        }
        Purpose purpose = body.choice("purpose", p -> Purpose.fromWire(p).filter(x -> x == Purpose.MARKETING || x == Purpose.INFORMATIONAL),
                "marketing, informational");
        String frequency = body.optionalString("frequency", 100);
        String extra = body.optionalString("disclosure_text", 2_000);
        String terms = body.optionalString("terms_url", 2048);
        String privacy = body.optionalString("privacy_url", 2048);
        for (String[] url : new String[][] {{"terms_url", terms}, {"privacy_url", privacy}}) {
            if (url[1] != null && !isPageLink(url[1])) {
                body.reject(url[0], "must be an https URL without a user part (the page links to it)");
            }
        }
        if (channels.contains(Channel.SMS)) {
            // CTIA: the call to action states how often messages come and links to the terms and the privacy policy
            if (frequency == null && !body.hasError("frequency")) {
                body.reject("frequency", "is required for an sms form (CTIA): how often messages come, such as 'Up to 4 msgs/month'");
            }
            if (terms == null && !body.hasError("terms_url")) {
                body.reject("terms_url", "is required for an sms form (CTIA): a link to the program's terms");
            }
        }
        if (privacy == null && !body.hasError("privacy_url")) {
            body.reject("privacy_url", "is required: a link to the privacy policy");
        }
        body.finish();
        return new OptInForm("draft", 1, name, title == null ? name : title, channels, purpose, frequency, extra, terms, privacy);
    }

    /** A link a recipient may follow from the form: https, a host, and nothing before it that could pass for one. */
    static boolean isPageLink(String text) {
        try {
            URI uri = new URI(text);
            return "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null && uri.getRawUserInfo() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private Map<String, Object> representation(Context ctx, OptInForms.Published published, TenantProfile tenant) {
        OptInForm form = published.form();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("id", form.id());
        answer.put("version", form.version());
        answer.put("name", form.name());
        answer.put("title", form.title());
        answer.put("channels", form.channels().stream().map(Channel::wireName).toList());
        answer.put("purpose", form.purpose().wireName());
        answer.put("frequency", form.frequency());
        answer.put("disclosure_text", form.extraText());
        answer.put("terms_url", form.termsUrl());
        answer.put("privacy_url", form.privacyUrl());
        answer.put("published_at", published.at().toString());
        answer.put("url", pageUrl(ctx, form.id()));
        Map<String, Object> shown = new LinkedHashMap<>();
        for (Channel channel : form.channels()) {
            shown.put(channel.wireName(), form.disclosure(channel, tenant.brand()));
        }
        answer.put("disclosures", shown);
        return answer;
    }

    private String pageUrl(Context ctx, String formId) {
        return Html.base(ctx, publicUrl) + "/optin/" + formId;
    }

    // --- the recipients' page

    /** What the visitor typed and ticked, sent back with the problems when the page asks again. */
    private record Entered(String phone, String email, Set<Channel> ticked) {
        static final Entered NOTHING = new Entered("", "", Set.of());
    }

    /** A problem with one field of the page, shown beside it and in the summary at the top. */
    private record Problem(String field, String message) {
    }

    private Optional<OptInForms.Published> open(Context ctx) {
        Optional<OptInForms.Published> form = forms.latest(ctx.pathParam("form"));
        Optional<TenantProfile> tenant = form.flatMap(f -> directory.tenant(f.tenant()));
        if (form.isEmpty() || tenant.isEmpty() || tenant.get().status() != TenantStatus.ACTIVE) {
            Html.send(ctx, 404, Html.page("Form not found", "<p>There is no sign-up form at this address, or it is closed.</p>\n"));
            return Optional.empty();
        }
        return form;
    }

    private void page(Context ctx) {
        open(ctx).ifPresent(form -> Html.send(ctx, 200, render(form, brand(form), Entered.NOTHING, List.of())));
    }

    private void submit(Context ctx) {
        Optional<OptInForms.Published> latest = open(ctx);
        if (latest.isEmpty()) {
            return;
        }
        if (crossSite(ctx)) {
            // another site made this browser post (CSRF): the evidence would name this visitor for a number they never typed
            Html.send(ctx, 403, Html.page("Sign up on the form itself", "<p>This sign-up came from another website. "
                    + "Open the form and sign up there.</p>\n"));
            return;
        }
        String header = ctx.header("Content-Type"); // read as text: Javalin's contentType() throws on an unknown charset
        String contentType = header == null ? "" : header.toLowerCase(Locale.ROOT);
        if (!contentType.startsWith("application/x-www-form-urlencoded")) {
            Html.send(ctx, 415, Html.page("Not a form", "<p>Send the form from its page.</p>\n"));
            return;
        }
        if (!Html.formRead(ctx, "Open the form and sign up there.")) {
            return;
        }
        String versionText = ctx.formParam("version");
        Optional<OptInForms.Published> shown = versionText != null && versionText.matches("[0-9]{1,6}")
                ? forms.version(latest.get().form().id(), Integer.parseInt(versionText)) : Optional.empty();
        if (shown.isPresent() && shown.get() != latest.get()) {
            // a page opened before the form changed may still be sent for a while; after that its words are retired
            Optional<OptInForms.Published> next = forms.version(latest.get().form().id(), shown.get().form().version() + 1);
            if (next.isEmpty() || clock.instant().isAfter(next.get().at().plus(SUPERSEDED_GRACE))) {
                shown = Optional.empty();
            }
        }
        if (shown.isEmpty()) {
            // not posted from the page, or from a page too old to know: show the form as it stands, record nothing
            Html.send(ctx, 400, render(latest.get(), brand(latest.get()), Entered.NOTHING,
                    List.of(new Problem("form", "This form has changed. Please read it again and resubmit."))));
            return;
        }
        OptInForms.Published form = shown.get();
        OptInForm definition = form.form();
        String brand = brand(form);
        String rawPhone = trimmed(ctx.formParam("phone"));
        String rawEmail = trimmed(ctx.formParam("email"));
        Set<Channel> ticked = new LinkedHashSet<>();
        List<Problem> problems = new ArrayList<>();
        for (String value : ctx.formParams("consent")) {
            Optional<Channel> channel = Channel.fromWire(value).filter(definition.channels()::contains);
            if (channel.isEmpty()) {
                problems.add(new Problem("form", "The form was sent with a box it does not have. Please read it again and resubmit."));
                ticked.clear();
                break;
            }
            ticked.add(channel.get());
        }
        Entered entered = new Entered(cut(rawPhone), cut(rawEmail), ticked);
        if (problems.isEmpty() && ticked.isEmpty()) {
            problems.add(new Problem("consent", "Tick at least one box to sign up."));
        }
        String phone = null;
        String email = null;
        boolean wantsPhone = ticked.contains(Channel.SMS);
        if (wantsPhone) {
            phone = rawPhone.isEmpty() || rawPhone.length() > MAX_ADDRESS ? null
                    : phones.parse(rawPhone, region(form)).map(n -> n.e164()).orElse(null);
            if (phone == null) {
                problems.add(new Problem("phone", rawPhone.isEmpty() ? "Enter your mobile phone number." : "Enter a phone number we can read, such as (305) 555-0100."));
            }
        }
        if (ticked.contains(Channel.EMAIL)) {
            email = rawEmail.isEmpty() || rawEmail.length() > MAX_ADDRESS ? null : emails.parse(rawEmail).map(e -> e.canonical()).orElse(null);
            if (email == null) {
                problems.add(new Problem("email", rawEmail.isEmpty() ? "Enter your email address." : "Enter an email address such as name@example.com."));
            }
        }
        if (!problems.isEmpty()) {
            Html.send(ctx, 422, render(form, brand, entered, problems));
            return;
        }
        Instant now = clock.instant();
        if (!limit.allow("ip:" + network(Endpoints.client(ctx)), PER_IP_PER_HOUR, now)
                || (phone != null && !limit.allow("to:" + phone, PER_ADDRESS_PER_HOUR, now))
                || (email != null && !limit.allow("to:" + email, PER_ADDRESS_PER_HOUR, now))) {
            ctx.header("Retry-After", "3600");
            Html.send(ctx, 429, Html.page("Too many sign-ups", "<p>We have received many sign-ups from your network in the last hour. "
                    + "Please try again later.</p>\n"));
            return;
        }
        String userAgent = ctx.userAgent() == null ? null : ctx.userAgent().substring(0, Math.min(1_000, ctx.userAgent().length()));
        List<Consent> pending = forms.submit(form, brand, new OptInForms.Submission(phone, email, List.copyOf(ticked), now, Endpoints.client(ctx),
                userAgent, pageUrl(ctx, definition.id())));
        Html.send(ctx, 200, Html.page("Almost done", thanks(brand, pending.stream().map(Consent::channel).toList(), phone, email)));
    }

    private static String thanks(String brand, List<Channel> channels, String phone, String email) {
        StringBuilder body = new StringBuilder("<p>Thank you. One more step: nothing is sent until you confirm.</p>\n<ul>\n");
        if (channels.contains(Channel.SMS)) {
            body.append("<li>Reply YES to the text ").append(Html.escape(brand)).append(" sends to the number ending in ")
                .append(Html.escape(phone.substring(Math.max(0, phone.length() - 4)))).append(".</li>\n");
        }
        if (channels.contains(Channel.EMAIL)) {
            body.append("<li>Open the link in the email ").append(Html.escape(brand)).append(" sends to ")
                .append(Html.escape(Html.masked(email))).append(", and press Confirm.</li>\n");
        }
        return body.append("</ul>\n<p>If you did not sign up, ignore those messages: without your confirmation you will not hear from ")
                   .append(Html.escape(brand)).append(".</p>\n").toString();
    }

    private static String render(OptInForms.Published published, String brand, Entered entered, List<Problem> problems) {
        OptInForm form = published.form();
        StringBuilder body = new StringBuilder();
        body.append("<p>Sign up to hear from ").append(Html.escape(brand)).append(".</p>\n");
        if (!problems.isEmpty()) {
            body.append("<div role=\"alert\" class=\"problems\" tabindex=\"-1\">\n<h2>Please check the form</h2>\n<ul>\n");
            for (Problem problem : problems) {
                body.append("<li><a href=\"#").append(problem.field()).append("\">").append(Html.escape(problem.message())).append("</a></li>\n");
            }
            body.append("</ul>\n</div>\n");
        }
        body.append("<form method=\"post\" id=\"form\">\n<input type=\"hidden\" name=\"version\" value=\"").append(form.version()).append("\">\n");
        if (form.asksPhone()) {
            field(body, "phone", "tel", "tel", "Mobile phone number", entered.phone(), problems);
        }
        if (form.asksEmail()) {
            field(body, "email", "email", "email", "Email address", entered.email(), problems);
        }
        Optional<Problem> unticked = problems.stream().filter(p -> p.field().equals("consent")).findFirst();
        body.append("<fieldset id=\"consent\"").append(unticked.isPresent() ? " aria-describedby=\"consent-error\"" : "")
            .append(">\n<legend>What you agree to (tick the boxes you want)</legend>\n");
        unticked.ifPresent(p -> body.append("<p class=\"error\" id=\"consent-error\">").append(Html.escape(p.message())).append("</p>\n"));
        for (Channel channel : form.channels()) {
            String id = "consent-" + channel.wireName();
            body.append("<p class=\"choice\"><input type=\"checkbox\" id=\"").append(id).append("\" name=\"consent\" value=\"")
                .append(channel.wireName()).append('"').append(entered.ticked().contains(channel) ? " checked" : "").append(">\n")
                .append("<label for=\"").append(id).append("\">").append(Html.escape(form.disclosure(channel, brand))).append("</label></p>\n");
        }
        body.append("</fieldset>\n");
        body.append("<p><button type=\"submit\">Sign up</button></p>\n</form>\n");
        List<String> links = new ArrayList<>();
        if (form.termsUrl() != null) {
            links.add("<a href=\"" + Html.escape(form.termsUrl()) + "\">Terms</a>");
        }
        if (form.privacyUrl() != null) {
            links.add("<a href=\"" + Html.escape(form.privacyUrl()) + "\">Privacy policy</a>");
        }
        if (!links.isEmpty()) {
            body.append("<p>").append(String.join(" · ", links)).append("</p>\n");
        }
        // a page sent back with problems says so in its title, which screen readers announce first
        return Html.page(problems.isEmpty() ? form.title() : "Error: " + form.title(), form.title(), body.toString());
    }

    private static void field(StringBuilder body, String name, String type, String autocomplete, String label, String value,
                              List<Problem> problems) {
        Optional<Problem> problem = problems.stream().filter(p -> p.field().equals(name)).findFirst();
        body.append("<p><label for=\"").append(name).append("\">").append(label).append("</label><br>\n");
        problem.ifPresent(p -> body.append("<span class=\"error\" id=\"").append(name).append("-error\">")
                .append(Html.escape(p.message())).append("</span><br>\n"));
        body.append("<input id=\"").append(name).append("\" name=\"").append(name).append("\" type=\"").append(type)
            .append("\" autocomplete=\"").append(autocomplete).append("\" value=\"").append(Html.escape(value)).append('"');
        problem.ifPresent(p -> body.append(" aria-invalid=\"true\" aria-describedby=\"").append(name).append("-error\""));
        body.append("></p>\n");
    }

    /**
     * Whether the browser says the post came from another site: {@code Sec-Fetch-Site: cross-site}, or an
     * {@code Origin} whose host is not this server's. Browsers send both on a form post; other clients send neither.
     */
    private boolean crossSite(Context ctx) {
        if ("cross-site".equalsIgnoreCase(ctx.header("Sec-Fetch-Site"))) {
            return true;
        }
        String origin = ctx.header("Origin");
        if (origin == null || origin.isBlank()) {
            return false;
        }
        try {
            String originHost = URI.create(origin.strip()).getAuthority();
            String ours = URI.create(Html.base(ctx, publicUrl)).getAuthority();
            return originHost == null || !(originHost.equalsIgnoreCase(ours) || originHost.equalsIgnoreCase(ctx.host()));
        } catch (IllegalArgumentException e) {
            return true;
        }
    }

    /** The network an address counts for: the address itself, or its /64 for IPv6 (one host holds a whole /64). */
    static String network(String ip) {
        if (ip == null || ip.indexOf(':') < 0) {
            return ip;
        }
        try {
            byte[] bytes = InetAddress.getByName(ip).getAddress();
            return bytes.length == 16 ? HexFormat.of().formatHex(bytes, 0, 8) + "::/64" : ip;
        } catch (UnknownHostException e) {
            return ip;
        }
    }

    private String brand(OptInForms.Published form) {
        return directory.tenant(form.tenant()).map(TenantProfile::brand).orElse("this sender");
    }

    private String region(OptInForms.Published form) {
        String country = directory.tenant(form.tenant()).map(TenantProfile::country).orElse("US");
        return Addresses.isRegion(country) ? country.toUpperCase(Locale.ROOT) : "US";
    }

    private static String trimmed(String value) {
        return value == null ? "" : value.strip();
    }

    /** What is shown back in a field: never more than an address can be. */
    private static String cut(String value) {
        return value.length() > MAX_ADDRESS ? value.substring(0, MAX_ADDRESS) : value;
    }
}
