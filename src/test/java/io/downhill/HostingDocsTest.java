package io.downhill;

import static org.assertj.core.api.Assertions.assertThat;

import io.downhill.web.ServerOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hosting commands in the README are the ones that work: their flags parse, and agree. */
class HostingDocsTest {
    private static final Path README = Path.of(System.getProperty("basedir", ".")).resolve("README.md");

    private static String block(String readme, String language, String mustContain) {
        Matcher m = Pattern.compile("```" + language + "\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        while (m.find()) {
            if (m.group(1).contains(mustContain)) {
                return m.group(1);
            }
        }
        throw new AssertionError("README has no ```" + language + " block with " + mustContain);
    }

    /** The server's options from a command line, with the course folder swapped for a real one. */
    private static ServerOptions options(String commandLine, Path course) {
        List<String> words = Arrays.asList(commandLine.strip().split("\\s+"));
        int jar = words.indexOf("-jar");
        assertThat(jar).as("runs the jar: " + commandLine).isPositive();
        List<String> flags = words.subList(jar + 2, words.size()).stream()
                .map(w -> w.equals("/opt/downhill/course") ? course.toString() : w).toList();
        return ServerOptions.parse(flags);
    }

    @Test
    void theSystemdUnitStartsTheServerBehindTheProxyAsTheServiceUser(@TempDir Path course) throws Exception {
        String readme = Files.readString(README);
        String unit = block(readme, "ini", "[Service]");
        String execStart = unit.lines().filter(l -> l.startsWith("ExecStart=")).findFirst().orElseThrow();
        assertThat(execStart).contains("-jar /opt/downhill/downhill.jar");

        ServerOptions options = options(execStart.substring("ExecStart=".length()), course);
        assertThat(options.host()).isEqualTo("127.0.0.1");
        assertThat(options.port()).isEqualTo(7070);
        assertThat(options.basePath()).isEqualTo("/course");
        assertThat(options.trustProxy()).isTrue();
        assertThat(options.dev()).isFalse();
        assertThat(options.content()).isEqualTo(course.toAbsolutePath().normalize());

        String user = unit.lines().filter(l -> l.startsWith("User=")).findFirst().orElseThrow().substring(5);
        String setup = block(readme, "sh", "useradd");
        assertThat(setup).contains("useradd --system --home-dir /opt/downhill --shell /usr/sbin/nologin " + user + "\n",
                "cp target/downhill.jar /opt/downhill/downhill.jar",
                "check --content /opt/downhill/course");
        assertThat(unit).contains("Restart=on-failure");
    }

    @Test
    void theProxyCommandBindsToLoopback(@TempDir Path course) throws Exception {
        String command = block(Files.readString(README), "sh", "--base-path /course --trust-proxy");
        ServerOptions options = options(command.lines().filter(l -> l.contains("-jar")).findFirst().orElseThrow(), course);
        assertThat(options.host()).isEqualTo("127.0.0.1");
        assertThat(options.basePath()).isEqualTo("/course");
    }
}
