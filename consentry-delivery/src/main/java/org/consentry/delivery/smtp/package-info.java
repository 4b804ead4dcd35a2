/** Email through an SMTP server (Angus Mail): a relay, a provider's submission port, or a local MTA. */
package org.consentry.delivery.smtp;
