package io.downhill.hosting;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One server replica in its own JVM, started from the test classpath as an operator would start the
 * jar, so that killing it is a real crash: its port closes and its streams are cut mid-frame.
 */
final class ReplicaProcess implements AutoCloseable {
    private static final Pattern SERVING = Pattern.compile("at http://127\\.0\\.0\\.1:(\\d+)/course/");

    private final Process process;
    private final Path log;
    private final int port;

    private ReplicaProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Starts {@code serve --port 0} with proxy diagnostics on and waits for the URL it prints. */
    static ReplicaProcess start(Path work, String name, Duration timeout) throws IOException, InterruptedException {
        Path log = work.resolve(name + ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(java, "-Xmx256m", "-Ddownhill.proxy-diagnostics=true",
                "-Dorg.slf4j.simpleLogger.log.io.downhill.web.ProxyDiagnostics=info",
                "-cp", System.getProperty("java.class.path"), "io.downhill.Main",
                "--host", "127.0.0.1", "--port", "0", "--base-path", "/course", "--trust-proxy");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Matcher m = SERVING.matcher(read(log));
            if (m.find()) {
                return new ReplicaProcess(process, log, Integer.parseInt(m.group(1)));
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("replica " + name + " exited with " + process.exitValue() + ":\n" + read(log));
            }
            Thread.sleep(100);
        }
        process.destroyForcibly();
        throw new IllegalStateException("replica " + name + " did not start within " + timeout + ":\n" + read(log));
    }

    int port() {
        return port;
    }

    /** Requests this replica received whose path and query start with {@code pathAndQuery}. */
    long requestsFor(String method, String pathAndQuery) {
        String needle = "request " + method + " " + pathAndQuery;
        return read(log).lines().filter(line -> line.contains(needle)).count();
    }

    String log() {
        return read(log);
    }

    /** A crash, not a shutdown: no chance to finish what it was sending. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
