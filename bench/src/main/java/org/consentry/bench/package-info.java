/** Benchmarks (JMH) and the load-test servers; see BENCHMARKS.md for the figures and the commands. */
package org.consentry.bench;
