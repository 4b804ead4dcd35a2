package org.consentry.server.http;

/**
 * A streamed answer failed after it had started and was aborted (the connection closed before the body ended);
 * nothing more may be written to it.
 */
public final class ResponseAborted extends RuntimeException {

    public ResponseAborted(Throwable cause) {
        super("the answer was aborted mid-stream: " + cause.getMessage(), cause);
    }
}
