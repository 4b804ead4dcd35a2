/**
 * Version 1 of the HTTP API (API.md): each class registers the endpoints of one concern, reads its
 * requests strictly and writes its answers in the wire format (snake_case, times in ISO-8601, numbers in E.164).
 */
package org.consentry.server.api.v1;
