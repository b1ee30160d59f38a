package io.downhill.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Which address a request is charged to, through the real server (the client key is echoed in tests). */
class ClientAddressTest {
    private static TestServer direct;
    private static TestServer proxied;
    private static TestServer twoHops;

    @BeforeAll
    static void start() {
        System.setProperty(ProxyDiagnostics.PROPERTY, "true");
        direct = TestServer.start(new ServerOptions("127.0.0.1", 0, null, "", false, false));
        proxied = TestServer.start(new ServerOptions("127.0.0.1", 0, null, "", false, true));
        twoHops = TestServer.start(new ServerOptions("127.0.0.1", 0, null, "", false, true).withProxyHops(2));
    }

    @AfterAll
    static void stop() {
        direct.close();
        proxied.close();
        twoHops.close();
        System.clearProperty(ProxyDiagnostics.PROPERTY);
    }

    private static String client(TestServer server, String... headers) {
        return server.get("/healthz", headers).headers().firstValue("X-Downhill-Client").orElseThrow();
    }

    @Test
    void withoutTrustingAProxyTheHeaderIsIgnored() {
        assertThat(client(direct, "X-Forwarded-For", "203.0.113.9")).isEqualTo("127.0.0.1");
    }

    @Test
    void behindOneProxyTheRightmostEntryCountsAndWhatTheClientWroteIsIgnored() {
        assertThat(client(proxied, "X-Forwarded-For", "203.0.113.9")).isEqualTo("203.0.113.9");
        // a client that forges entries cannot choose its key: the proxy appended the real one last
        assertThat(client(proxied, "X-Forwarded-For", "1.1.1.1, 2.2.2.2, 198.51.100.7")).isEqualTo("198.51.100.7");
        assertThat(client(proxied, "X-Forwarded-For", "10.0.0.1", "X-Forwarded-For", "198.51.100.8")).isEqualTo("198.51.100.8");
        assertThat(client(proxied)).isEqualTo("127.0.0.1");
        assertThat(client(proxied, "X-Forwarded-For", "<script>")).isEqualTo("127.0.0.1");
    }

    @Test
    void behindTwoProxiesTheSecondEntryFromTheRightCounts() {
        assertThat(client(twoHops, "X-Forwarded-For", "6.6.6.6, 198.51.100.7, 10.0.0.2")).isEqualTo("198.51.100.7");
        assertThat(client(twoHops, "X-Forwarded-For", "10.0.0.2")).isEqualTo("127.0.0.1");
    }
}
