/** Rules about Do-Not-Call lists: the tenant's own now, the national and state registries later. */
package org.consentry.policy.rules.registry;
