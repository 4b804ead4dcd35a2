/** API keys: generated with a secure random source, shown once, kept only as SHA-256 hashes. */
package org.consentry.store.keys;
