/** What recipients send back: the CTIA keywords of SMS replies. Pure parsing over a keyword data file. */
package org.consentry.inbound;
