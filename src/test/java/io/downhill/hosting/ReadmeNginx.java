package io.downhill.hosting;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The nginx configuration exactly as README.md gives it (the {@code nginx} block under "Under a
 * sub-path behind a proxy"), with only its ports and cache folder replaced, inside the few lines
 * a whole nginx.conf needs to run as an unprivileged test process in a temporary folder.
 */
final class ReadmeNginx {
    static final String HEADING = "### Under a sub-path behind a proxy";
    static final String FENCE = "```nginx\n";

    private ReadmeNginx() {}

    /** The fenced nginx block under {@link #HEADING}. */
    static String block(Path readme) throws IOException {
        String text = Files.readString(readme, StandardCharsets.UTF_8).replace("\r\n", "\n");
        int heading = text.indexOf(HEADING + "\n");
        if (heading < 0) {
            throw new IllegalStateException("README.md has no heading '" + HEADING + "'");
        }
        int start = text.indexOf(FENCE, heading);
        int nextHeading = text.indexOf("\n#", heading + HEADING.length());
        if (start < 0 || (nextHeading >= 0 && start > nextHeading)) {
            throw new IllegalStateException("README.md has no ```nginx block under '" + HEADING + "'");
        }
        start += FENCE.length();
        int end = text.indexOf("\n```", start);
        return text.substring(start, end + 1);
    }

    /** A whole nginx.conf: the README block with ports and the cache folder replaced. */
    static String config(String block, int replicaA, int replicaB, int listen, Path work) {
        Map<String, String> swaps = new LinkedHashMap<>();
        swaps.put("server 127.0.0.1:7070;", "server 127.0.0.1:" + replicaA + ";");
        swaps.put("server 127.0.0.1:7071;", "server 127.0.0.1:" + replicaB + ";");
        swaps.put("listen 80;", "listen 127.0.0.1:" + listen + ";");
        swaps.put("/var/cache/nginx/downhill", work.resolve("cache").toString());
        String http = block;
        for (var swap : swaps.entrySet()) {
            int count = http.split(java.util.regex.Pattern.quote(swap.getKey()), -1).length - 1;
            if (count != 1) {
                throw new IllegalStateException("the README's nginx block should contain '" + swap.getKey()
                        + "' once, found " + count + " times:\n" + block);
            }
            http = http.replace(swap.getKey(), swap.getValue());
        }
        String dir = work.toString();
        return "daemon off;\n"
                + "worker_processes 1;\n"
                + "pid " + dir + "/nginx.pid;\n"
                + "error_log " + dir + "/error.log info;\n"
                + "events { worker_connections 512; }\n"
                + "http {\n"
                + "    access_log " + dir + "/access.log;\n"
                + "    client_body_temp_path " + dir + "/client_body;\n"
                + "    proxy_temp_path " + dir + "/proxy;\n"
                + "    fastcgi_temp_path " + dir + "/fastcgi;\n"
                + "    uwsgi_temp_path " + dir + "/uwsgi;\n"
                + "    scgi_temp_path " + dir + "/scgi;\n"
                + http.indent(4)
                + "}\n";
    }

    /** nginx on the PATH or in /usr/sbin, or null. */
    static Path executable() {
        String path = System.getenv().getOrDefault("PATH", "") + ":/usr/sbin:/usr/local/sbin";
        for (String dir : path.split(":")) {
            if (!dir.isEmpty()) {
                Path candidate = Path.of(dir, "nginx");
                if (Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        return null;
    }
}
