package org.consentry.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LinkInspectorTest {

    private final LinkInspector inspector = LinkInspector.load();

    private static List<Link> linkTo(String host) {
        return List.of(new Link("https://" + host + "/sign-in", host, null));
    }

    @Test
    void aHostNamingABrandImitatesItForEveryTenantButThatBrand() {
        assertThat(inspector.inspect(linkTo("paypal-secure.example"), "Acme")).extracting(LinkInspector.Finding::kind)
                .containsExactly("lookalike");
        assertThat(inspector.inspect(linkTo("paypal-secure.example"), "PayPal")).isEmpty();
        assertThat(inspector.inspect(linkTo("paypal-secure.example"), "Acme")).extracting(LinkInspector.Finding::kind)
                .containsExactly("lookalike");
    }

    /**
     * The verdicts are remembered per brand and host, at most {@value LinkInspector#REMEMBERED_HOSTS} of them in all: a
     * provider's thousands of tenants each sending links to their own hosts must not each keep as many.
     */
    @Test
    void theVerdictsRememberedForManyBrandsStayWithinTheBound() {
        for (int brand = 0; brand < 40; brand++) {
            for (int host = 0; host < LinkInspector.REMEMBERED_HOSTS / 8; host++) {
                inspector.inspect(linkTo("l" + host + ".tenant" + brand + ".example"), "Tenant " + brand);
            }
        }
        assertThat(inspector.remembered()).isLessThanOrEqualTo(LinkInspector.REMEMBERED_HOSTS);
        assertThat(inspector.inspect(linkTo("paypal-secure.example"), "Tenant 3")).extracting(LinkInspector.Finding::kind)
                .containsExactly("lookalike");
    }
}
