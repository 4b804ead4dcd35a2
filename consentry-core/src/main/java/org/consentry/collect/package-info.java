/** Collections the hot paths need and the JDK does not have. */
package org.consentry.collect;
