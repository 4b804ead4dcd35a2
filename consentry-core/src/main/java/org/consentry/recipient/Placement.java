package org.consentry.recipient;

/**
 * What is known of a recipient beyond its address, to place it.
 *
 * @param state           a state or province named by the request or the tenant's contact record; wins over the area code
 * @param country         the country the tenant's contact record names (used for email addresses)
 * @param lineType        the line type the tenant or the provider reported, the stricter of them
 * @param fallbackCountry the tenant's country, for an email address that nothing else places
 */
public record Placement(String state, String country, LineType lineType, String fallbackCountry) {

    public static final Placement NONE = new Placement(null, null, LineType.UNKNOWN, null);
}
