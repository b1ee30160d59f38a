package io.downhill.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/** The flags of {@code serve}, validated. {@code content == null} means the bundled course. */
public record ServerOptions(String host, int port, Path content, String basePath, boolean dev, int proxyHops,
                            int maxStreams, int maxStreamsPerClient, int runCacheMb) {
    /** Encoded runs kept for the next learner; every widget's default runs fit many times over. */
    public static final int DEFAULT_RUN_CACHE_MB = 64;
    /** Open computing responses (mostly run streams) at once: about 25 KB of heap each at most. */
    public static final int DEFAULT_MAX_STREAMS = 12_000;
    /** Per address: a class of 300 behind one NAT, a dozen widgets each. */
    public static final int DEFAULT_MAX_STREAMS_PER_CLIENT = 4_000;

    private static final Pattern BASE_PATH = Pattern.compile("(/[A-Za-z0-9._~-]+)+");

    public ServerOptions(String host, int port, Path content, String basePath, boolean dev, boolean trustProxy) {
        this(host, port, content, basePath, dev, trustProxy ? 1 : 0, DEFAULT_MAX_STREAMS, DEFAULT_MAX_STREAMS_PER_CLIENT,
                DEFAULT_RUN_CACHE_MB);
    }

    /** Whether X-Forwarded-For is read at all: only behind a proxy that sets it. */
    public boolean trustProxy() {
        return proxyHops > 0;
    }

    public ServerOptions withRunCacheMb(int megabytes) {
        return new ServerOptions(host, port, content, basePath, dev, proxyHops, maxStreams, maxStreamsPerClient, megabytes);
    }

    public ServerOptions withProxyHops(int hops) {
        return new ServerOptions(host, port, content, basePath, dev, hops, maxStreams, maxStreamsPerClient, runCacheMb);
    }

    public ServerOptions {
        if (!basePath.isEmpty() && !BASE_PATH.matcher(basePath).matches()) {
            throw new IllegalArgumentException("--base-path must look like /course (letters, digits, . _ ~ -), got '" + basePath + "'");
        }
    }

    public static ServerOptions defaults() {
        return new ServerOptions("0.0.0.0", 7070, null, "", false, false);
    }

    public ServerOptions withPort(int newPort) {
        return new ServerOptions(host, newPort, content, basePath, dev, proxyHops, maxStreams, maxStreamsPerClient, runCacheMb);
    }

    public ServerOptions withBasePath(String newBasePath) {
        return new ServerOptions(host, port, content, newBasePath, dev, proxyHops, maxStreams, maxStreamsPerClient, runCacheMb);
    }

    public ServerOptions withContent(Path newContent) {
        return new ServerOptions(host, port, newContent, basePath, dev, proxyHops, maxStreams, maxStreamsPerClient, runCacheMb);
    }

    public ServerOptions withDev(boolean newDev) {
        return new ServerOptions(host, port, content, basePath, newDev, proxyHops, maxStreams, maxStreamsPerClient, runCacheMb);
    }

    public ServerOptions withStreamLimits(int total, int perClient) {
        return new ServerOptions(host, port, content, basePath, dev, proxyHops, total, perClient, runCacheMb);
    }

    private static int count(String flag, String value) {
        try {
            int n = Integer.parseInt(value);
            if (n < 1 || n > 100_000) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " must be a number from 1 to 100000, got '" + value + "'");
        }
    }

    public static ServerOptions parse(List<String> args) {
        ServerOptions o = defaults();
        for (int i = 0; i < args.size(); i++) {
            String flag = args.get(i);
            String inlineValue = null;
            int eq = flag.indexOf('=');
            if (flag.startsWith("--") && eq > 0) {
                inlineValue = flag.substring(eq + 1);
                flag = flag.substring(0, eq);
            }
            if (flag.equals("--dev")) {
                o = o.withDev(true);
                continue;
            }
            if (flag.equals("--trust-proxy")) {
                o = o.withProxyHops(Math.max(1, o.proxyHops()));
                continue;
            }
            String value = inlineValue;
            if (value == null) {
                if (i + 1 >= args.size() || !isFlagWithValue(flag)) {
                    throw new IllegalArgumentException(isFlagWithValue(flag)
                            ? "option " + flag + " needs a value" : "unknown option '" + flag + "'");
                }
                value = args.get(++i);
            }
            switch (flag) {
                case "--port" -> o = o.withPort(port(value));
                case "--host" -> o = new ServerOptions(value, o.port(), o.content(), o.basePath(), o.dev(), o.proxyHops(), o.maxStreams(), o.maxStreamsPerClient(), o.runCacheMb());
                case "--max-streams" -> o = o.withStreamLimits(count("--max-streams", value), o.maxStreamsPerClient());
                case "--max-streams-per-client" -> o = o.withStreamLimits(o.maxStreams(), count("--max-streams-per-client", value));
                case "--content" -> {
                    Path dir = Path.of(value).toAbsolutePath().normalize();
                    if (!Files.isDirectory(dir)) {
                        throw new IllegalArgumentException("--content: no such folder " + dir);
                    }
                    o = o.withContent(dir);
                }
                case "--base-path" -> o = o.withBasePath(normalizeBasePath(value));
                case "--proxy-hops" -> o = o.withProxyHops(hops(value));
                case "--run-cache-mb" -> o = o.withRunCacheMb(cacheMb(value));
                default -> throw new IllegalArgumentException("unknown option '" + flag + "'");
            }
        }
        return o;
    }

    private static boolean isFlagWithValue(String flag) {
        return List.of("--port", "--host", "--content", "--base-path", "--max-streams", "--max-streams-per-client",
                "--proxy-hops", "--run-cache-mb").contains(flag);
    }

    private static int cacheMb(String value) {
        try {
            int n = Integer.parseInt(value);
            if (n < 0 || n > 4096) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--run-cache-mb must be a number from 0 (no cache) to 4096, got '" + value + "'");
        }
    }

    private static int hops(String value) {
        try {
            int n = Integer.parseInt(value);
            if (n < 1 || n > 10) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--proxy-hops must be a number from 1 to 10, got '" + value + "'");
        }
    }

    private static int port(String value) {
        try {
            int port = Integer.parseInt(value);
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--port must be a number from 0 to 65535, got '" + value + "'");
        }
    }

    static String normalizeBasePath(String value) {
        String v = value.strip();
        if (v.isEmpty() || v.equals("/")) {
            return "";
        }
        if (!v.startsWith("/")) {
            v = "/" + v;
        }
        while (v.endsWith("/")) {
            v = v.substring(0, v.length() - 1);
        }
        return v;
    }
}
