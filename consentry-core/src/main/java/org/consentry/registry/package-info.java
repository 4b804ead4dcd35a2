/** Do-Not-Call registries and the provider's other number lists, as facts about one number. */
package org.consentry.registry;
