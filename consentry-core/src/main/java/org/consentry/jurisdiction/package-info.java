/** Where a recipient is: time zones now, states and rule packs later. Pure lookups over bundled data. */
package org.consentry.jurisdiction;
