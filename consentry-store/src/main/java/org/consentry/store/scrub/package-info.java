/** List scrubbing: a contact list (CSV) judged row by row before a campaign, with a summary report. */
package org.consentry.store.scrub;
