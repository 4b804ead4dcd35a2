/** The provider's lists, appended to its own chain: registry copies, the block list, reassigned numbers, line types. */
package org.consentry.store.registry;
