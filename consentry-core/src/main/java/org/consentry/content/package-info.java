/**
 * What a message says, read once per check: its words (de-obfuscated), its links, and the fingerprints
 * that find duplicates. Pure; the lexicons are rule data files.
 */
package org.consentry.content;
