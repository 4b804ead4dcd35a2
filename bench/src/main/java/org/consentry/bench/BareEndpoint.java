package org.consentry.bench;

import io.javalin.Javalin;

/**
 * The yardstick for the check endpoint: Javalin with one POST that reads the body and answers a small JSON
 * document, and nothing else. Run on the same machine, in the same way, in the same run as the real one.
 */
public final class BareEndpoint {

    private static final byte[] ANSWER = "{\"id\":\"chk_bare\",\"decision\":\"allow\",\"not_before\":null,\"reasons\":[],\"notices\":[]}"
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);

    private BareEndpoint() {
    }

    public static void main(String[] args) {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 18081;
        Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.jetty.host = "127.0.0.1";
            config.jetty.port = port;
            config.routes.post("/bare", ctx -> {
                ctx.bodyAsBytes();
                ctx.contentType("application/json").result(ANSWER);
            });
        }).start();
    }
}
