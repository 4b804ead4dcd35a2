package org.consentry.policy;

/** What a reason does to a message: stop it for good, or hold it until a later time. */
public enum Effect {
    BLOCK, DEFER
}
