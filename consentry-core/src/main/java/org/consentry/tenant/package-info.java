/** Tenants (the provider's customers), their settings and their senders. Pure values. */
package org.consentry.tenant;
