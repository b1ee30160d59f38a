package io.downhill.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/** The flags of {@code serve}, validated. {@code content == null} means the bundled course. */
public record ServerOptions(String host, int port, Path content, String basePath, boolean dev, boolean trustProxy,
                            int maxStreams, int maxStreamsPerClient) {
    public static final int DEFAULT_MAX_STREAMS = 4000;
    public static final int DEFAULT_MAX_STREAMS_PER_CLIENT = 24;

    private static final Pattern BASE_PATH = Pattern.compile("(/[A-Za-z0-9._~-]+)+");

    public ServerOptions(String host, int port, Path content, String basePath, boolean dev, boolean trustProxy) {
        this(host, port, content, basePath, dev, trustProxy, DEFAULT_MAX_STREAMS, DEFAULT_MAX_STREAMS_PER_CLIENT);
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
        return new ServerOptions(host, newPort, content, basePath, dev, trustProxy, maxStreams, maxStreamsPerClient);
    }

    public ServerOptions withBasePath(String newBasePath) {
        return new ServerOptions(host, port, content, newBasePath, dev, trustProxy, maxStreams, maxStreamsPerClient);
    }

    public ServerOptions withContent(Path newContent) {
        return new ServerOptions(host, port, newContent, basePath, dev, trustProxy, maxStreams, maxStreamsPerClient);
    }

    public ServerOptions withDev(boolean newDev) {
        return new ServerOptions(host, port, content, basePath, newDev, trustProxy, maxStreams, maxStreamsPerClient);
    }

    public ServerOptions withStreamLimits(int total, int perClient) {
        return new ServerOptions(host, port, content, basePath, dev, trustProxy, total, perClient);
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
                o = new ServerOptions(o.host(), o.port(), o.content(), o.basePath(), o.dev(), true, o.maxStreams(), o.maxStreamsPerClient());
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
                case "--host" -> o = new ServerOptions(value, o.port(), o.content(), o.basePath(), o.dev(), o.trustProxy(), o.maxStreams(), o.maxStreamsPerClient());
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
                default -> throw new IllegalArgumentException("unknown option '" + flag + "'");
            }
        }
        return o;
    }

    private static boolean isFlagWithValue(String flag) {
        return List.of("--port", "--host", "--content", "--base-path", "--max-streams", "--max-streams-per-client").contains(flag);
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
