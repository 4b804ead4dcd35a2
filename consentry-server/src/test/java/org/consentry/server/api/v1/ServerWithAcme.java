package org.consentry.server.api.v1;

import java.nio.file.Path;
import org.consentry.server.testing.TestServer;
import org.consentry.store.testing.MutableClock;
import org.consentry.store.testing.StoreFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What most API tests start from: a real server on a data folder of its own, its clock set to {@link StoreFixture#START}
 * (and moved by the test), and the tenant Acme with a verified sender. A test restarts the server on the same folder by
 * closing {@link #server} and opening another on {@link #directory}; the one open last is closed after the test.
 */
abstract class ServerWithAcme {

    @TempDir
    Path directory;

    final MutableClock clock = new MutableClock(StoreFixture.START);
    TestServer server;
    TestServer.Tenant acme;

    @BeforeEach
    void startServerWithAcme() {
        server = new TestServer(directory, clock);
        acme = server.tenantWithSender("Acme");
    }

    @AfterEach
    void stopServer() {
        server.close();
    }
}
