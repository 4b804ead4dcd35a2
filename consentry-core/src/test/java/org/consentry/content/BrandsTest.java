package org.consentry.content;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BrandsTest {

    private final Brands brands = Brands.load();

    @Test
    void aNameNamesEveryBrandButTheTenantsOwn() {
        assertThat(brands.named("PayPal Support", "Acme").name()).isEqualTo("PayPal");
        assertThat(brands.named("PayPal Support", "PayPal")).isNull();
        assertThat(brands.named("Acme Deals", "Acme")).isNull();
    }

    /**
     * The answers are remembered by the tenant's brand and the text together, not by the two written one after the
     * other: any character may stand in a display name (a JSON string may hold U+0000), and in a brand.
     */
    @Test
    void theAnswerForOneBrandAndTextIsNotGivenForAnother() {
        assertThat(brands.named("Acme\u0000PayPal Support", "PayPal")).isNull();
        Brands.Brand named = brands.named("PayPal Support", "PayPal\u0000Acme");
        assertThat(named).isNotNull();
        assertThat(named.name()).isEqualTo("PayPal");
    }
}
