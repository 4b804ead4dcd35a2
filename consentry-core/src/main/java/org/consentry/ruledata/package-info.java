/**
 * Rule data files: versioned, tab-separated resources in which every entry names its source, read into
 * typed records when the rulebook is built. A bad file fails the start with the file, line and key.
 */
package org.consentry.ruledata;
