/** The {@code consentry} command (picocli): {@code serve} now; scrubs, registry imports and evidence checks later. */
package org.consentry.cli;
