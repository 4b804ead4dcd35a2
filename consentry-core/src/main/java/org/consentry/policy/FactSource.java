package org.consentry.policy;

/** The stores facts come from; one that does not answer is named in {@link Facts#unavailable()}. */
public enum FactSource {
    /** Consents, opt-outs, the tenant's own lists, tenants and senders. */
    LEDGER,
    /** The national and state Do-Not-Call registries. */
    REGISTRY,
    /** Frequency and duplicate counters. */
    COUNTERS
}
