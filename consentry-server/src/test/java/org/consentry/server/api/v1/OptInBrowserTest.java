package org.consentry.server.api.v1;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.consentry.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;

/**
 * The hosted opt-in form and the email confirmation page in a real browser: Debian's Chromium, headless, with
 * JavaScript switched off (the pages must work without it), driven through ChromeDriver. A person fills the form with
 * the keyboard and the mouse; the page is checked for what an accessibility audit asks (every control labelled, a
 * sensible focus order with a visible focus ring, text contrast of at least 4.5:1); the link a scanner would open
 * confirms nothing, the button does.
 */
class OptInBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private static Path profile;

    @TempDir
    Path directory;

    private TestServer server;
    private TestServer.Tenant acme;
    private ChromeDriver browser;

    @BeforeAll
    static void startDriver() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "needs Debian's chromium and chromium-driver (apt-get install chromium chromium-driver; .ci/run installs them)");
        profile = Files.createTempDirectory("consentry-chromium");
    }

    @AfterAll
    static void stopDriver() throws Exception {
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    @BeforeEach
    void start() {
        server = new TestServer(directory);
        acme = server.tenantWithSender("Acme");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // the flags this machine's closed network needs, and a fresh profile
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                "--user-data-dir=" + profile.resolve("p" + System.nanoTime()), "--window-size=1024,900");
        options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
        // a driver of its own per test: quitting a browser stops the driver it was started with
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        server.close();
    }

    private String publishForm() {
        return server.post("/v1/forms", acme.key(), HostedFormTest.FORM).text("/id");
    }

    @Test
    void aPersonSignsUpAndConfirmsTheEmailInTheBrowser() {
        String form = publishForm();
        browser.get(server.uri("/optin/" + form).toString());
        assertThat(javaScriptIsOff()).as("the page works without JavaScript").isTrue();
        assertThat(browser.getTitle()).isEqualTo("Join the Acme club");
        WebElement sms = browser.findElement(By.id("consent-sms"));
        WebElement email = browser.findElement(By.id("consent-email"));
        assertThat(sms.isSelected()).as("never pre-checked").isFalse();
        assertThat(email.isSelected()).isFalse();
        assertThat(browser.findElement(By.cssSelector("label[for=consent-sms]")).getText())
                .contains("Msg & data rates may apply", "Reply HELP for help and STOP to cancel", "Up to 4 msgs/month");

        browser.findElement(By.id("phone")).sendKeys("(305) 555-0100");
        browser.findElement(By.id("email")).sendKeys("ana@example.com");
        browser.findElement(By.cssSelector("label[for=consent-sms]")).click(); // a label ticks its own box
        email.sendKeys(Keys.SPACE);
        assertThat(sms.isSelected()).isTrue();
        assertThat(email.isSelected()).isTrue();
        browser.findElement(By.cssSelector("button[type=submit]")).click();

        assertThat(heading("Almost done")).isEqualTo("Almost done");
        JsonNode granted = server.get("/v1/consents?address=ana%40example.com", acme.key()).json().at("/events/0/event");
        assertThat(granted.at("/status").asText()).isEqualTo("pending");
        assertThat(granted.at("/user_agent").asText()).contains("Chrome");
        assertThat(granted.at("/form_id").asText()).isEqualTo(form);
        assertThat(server.get("/v1/consents?address=%2B13055550100", acme.key()).json().at("/events/0/event/disclosure_text").asText())
                .isEqualTo(server.get("/v1/forms/" + form, acme.key()).text("/disclosures/sms"));

        JsonNode pending = server.get("/v1/consents/pending", acme.key()).json().at("/pending");
        String link = pending.findValuesAsText("confirmation_url").get(0);
        browser.get(link);
        assertThat(heading("Confirm your subscription")).isEqualTo("Confirm your subscription");
        assertThat(status("ana%40example.com")).as("opening the link confirms nothing").isEqualTo("pending");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        assertThat(heading("Subscription confirmed")).isEqualTo("Subscription confirmed");
        assertThat(status("ana%40example.com")).isEqualTo("active");
        JsonNode confirmed = server.get("/v1/consents?address=ana%40example.com", acme.key()).json().at("/events/1");
        assertThat(confirmed.at("/type").asText()).isEqualTo("consent.confirmed");
        assertThat(confirmed.at("/event/user_agent").asText()).contains("Chrome");
        assertThat(confirmed.at("/event/ip").asText()).isEqualTo("127.0.0.1");
        assertThat(status("%2B13055550100")).as("the text waits for its YES").isEqualTo("pending");
    }

    @Test
    void theFormIsAccessible() {
        browser.get(server.uri("/optin/" + publishForm()).toString());
        audit();
        assertThat(focusOrder()).containsExactly("phone", "email", "consent-sms", "consent-email", "submit", "Terms", "Privacy policy");
    }

    @Test
    void aMistakeIsShownAtTheTopAndBesideItsFieldAndKeepsWhatWasTyped() {
        browser.get(server.uri("/optin/" + publishForm()).toString());
        browser.findElement(By.id("phone")).sendKeys("555");
        browser.findElement(By.id("consent-sms")).click();
        browser.findElement(By.cssSelector("button[type=submit]")).click();

        assertThat(heading("Join the Acme club")).isEqualTo("Join the Acme club");
        assertThat(browser.getTitle()).isEqualTo("Error: Join the Acme club");
        WebElement alert = browser.findElement(By.cssSelector("[role=alert]"));
        assertThat(alert.getText()).contains("Enter a phone number we can read");
        WebElement phone = browser.findElement(By.id("phone"));
        assertThat(phone.getAttribute("value")).isEqualTo("555");
        assertThat(phone.getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.findElement(By.id(phone.getAttribute("aria-describedby"))).getText()).contains("Enter a phone number");
        assertThat(browser.findElement(By.id("consent-sms")).isSelected()).as("what was ticked stays ticked").isTrue();
        audit();
        alert.findElement(By.tagName("a")).click();
        assertThat(browser.switchTo().activeElement().getAttribute("id")).as("the summary's link leads to the field").isEqualTo("phone");
        assertThat(server.get("/v1/consents/pending", acme.key()).json().at("/pending").size()).isZero();
    }

    /**
     * The page's heading once it reads {@code expected} (a click that posts a form returns before the next page has
     * replaced this one), or what it reads after ten seconds.
     */
    private String heading(String expected) {
        String seen = null;
        for (int i = 0; i < 100; i++) {
            try {
                seen = browser.findElement(By.tagName("h1")).getText();
                if (expected.equals(seen) && "complete".equals(((JavascriptExecutor) browser).executeScript("return document.readyState"))) {
                    return seen;
                }
            } catch (org.openqa.selenium.StaleElementReferenceException | org.openqa.selenium.NoSuchElementException replaced) {
                // the next page is arriving
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return seen;
    }

    private String status(String address) {
        return server.get("/v1/consents?address=" + address, acme.key()).json().at("/consents/0/status").asText();
    }

    /** Whether pages' own scripts are blocked in this browser: a page whose script would retitle it keeps its title. */
    private boolean javaScriptIsOff() {
        String here = browser.getCurrentUrl();
        browser.get("data:text/html,<title>off</title><script>document.title='on'</script>");
        boolean off = "off".equals(browser.getTitle());
        browser.get(here);
        return off;
    }

    /** The keyboard's path through the page: the id (or text) of each element focused by successive Tabs. */
    private List<String> focusOrder() {
        browser.findElement(By.tagName("h1")).click();
        List<String> order = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            new Actions(browser).sendKeys(Keys.TAB).perform();
            WebElement focused = browser.switchTo().activeElement();
            String id = focused.getAttribute("id");
            String name = id == null || id.isEmpty() ? focused.getText() : id;
            order.add("button".equals(focused.getTagName()) ? "submit" : name);
            assertThat((String) ((JavascriptExecutor) browser).executeScript(
                    "var s = getComputedStyle(document.activeElement); return s.outlineStyle + ' ' + s.outlineWidth"))
                    .as("the focus ring on %s", name).doesNotStartWith("none").doesNotEndWith(" 0px");
        }
        return order;
    }

    /**
     * What an accessibility audit checks on the page: the language and title, one heading, every control with a label
     * (or, for a button, its text), and text contrast of at least 4.5:1 against its background (WCAG 2.2, 1.4.3).
     */
    @SuppressWarnings("unchecked")
    private void audit() {
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        assertThat(browser.getTitle()).isNotBlank();
        assertThat(browser.findElements(By.tagName("h1"))).hasSize(1);
        for (WebElement input : browser.findElements(By.cssSelector("input:not([type=hidden]), select, textarea"))) {
            String id = input.getAttribute("id");
            assertThat(id).as("every control has an id for its label").isNotBlank();
            assertThat(browser.findElements(By.cssSelector("label[for='" + id + "']"))).as("label of %s", id).hasSize(1);
            assertThat(browser.findElement(By.cssSelector("label[for='" + id + "']")).getText()).isNotBlank();
        }
        for (WebElement button : browser.findElements(By.tagName("button"))) {
            assertThat(button.getText()).isNotBlank();
        }
        List<Map<String, Object>> texts = (List<Map<String, Object>>) ((JavascriptExecutor) browser).executeScript(CONTRAST);
        assertThat(texts).isNotEmpty();
        for (Map<String, Object> text : texts) {
            assertThat(((Number) text.get("ratio")).doubleValue()).as("contrast of %s", text.get("text")).isGreaterThanOrEqualTo(4.5);
        }
    }

    /** For every element with text of its own: its colour's contrast ratio against the first opaque background behind it. */
    private static final String CONTRAST = """
            function rgb(c) { var m = c.match(/[0-9.]+/g).map(Number); return {r: m[0], g: m[1], b: m[2], a: m.length > 3 ? m[3] : 1}; }
            function lum(c) {
              var f = function (v) { v = v / 255; return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
              return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b);
            }
            function background(e) {
              for (; e; e = e.parentElement) { var c = rgb(getComputedStyle(e).backgroundColor); if (c.a > 0) return c; }
              return {r: 255, g: 255, b: 255, a: 1};
            }
            var out = [];
            document.querySelectorAll('body *').forEach(function (e) {
              var own = Array.prototype.some.call(e.childNodes, function (n) { return n.nodeType === 3 && n.textContent.trim(); });
              if (!own || e.offsetParent === null) return;
              var l1 = lum(rgb(getComputedStyle(e).color)), l2 = lum(background(e));
              out.push({text: e.textContent.trim().slice(0, 40), ratio: (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05)});
            });
            return out;
            """;
}
