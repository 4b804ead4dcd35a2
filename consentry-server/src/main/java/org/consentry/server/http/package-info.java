/** HTTP plumbing shared by every endpoint: authentication, strict JSON bodies, RFC 9457 problem details. */
package org.consentry.server.http;
