package io.downhill;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar, run as an instructor runs it: from a folder that is not the source checkout,
 * so everything (templates, static files, the scaffold) must come from the jar.
 */
class JarIT {
    private static final Path JAR = Path.of(System.getProperty("basedir", ".")).resolve("target/downhill.jar").toAbsolutePath();
    private static final Pattern URL = Pattern.compile("at (http://\\S+/)");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void newWritesACourseThatPassesCheckAndServes(@TempDir Path cwd) throws Exception {
        assertThat(JAR).exists();
        assertThat(run(cwd, "new", "my-course")).isZero();
        assertThat(cwd.resolve("my-course/course.yml")).exists();
        assertThat(run(cwd, "new", "my-course")).as("refuses to overwrite").isEqualTo(2);

        assertThat(run(cwd, "check", "--content", "my-course")).isZero();

        Process server = start(cwd, "--port", "0", "--host", "127.0.0.1", "--content", "my-course");
        try {
            String url = urlOf(server);
            HttpResponse<String> lesson = get(url + "lessons/first-lesson");
            assertThat(lesson.statusCode()).isEqualTo(200);
            assertThat(lesson.body()).contains("<h1>A first lesson</h1>", "data-widget=\"descent-1d\"", "data-quiz",
                    "class=\"math-display\"", "callout-tip");
            assertThat(get(url).body()).contains("My course");
        } finally {
            server.destroy();
            server.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void devModeWorksOutsideTheSourceCheckout(@TempDir Path cwd) throws Exception {
        Path content = Files.createDirectories(cwd.resolve("course"));
        Files.writeString(content.resolve("01-hello.md"), "# Hello\n\nFirst words.\n");
        Process server = start(cwd, "--dev", "--port", "0", "--host", "127.0.0.1", "--content", "course");
        try {
            String url = urlOf(server);
            HttpResponse<String> lesson = get(url + "lessons/hello");
            assertThat(lesson.statusCode()).isEqualTo(200);
            assertThat(lesson.body()).contains("<h1>Hello</h1>", "First words.", "data-dev=\"true\"");
            assertThat(get(url + "static/dev/css/site.css").statusCode()).isEqualTo(200);
            assertThat(get(url + "static/dev/js/site.js").statusCode()).isEqualTo(200);
        } finally {
            server.destroy();
            server.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static int run(Path cwd, String... args) throws Exception {
        Process p = new ProcessBuilder(command(args)).directory(cwd.toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        System.out.print(output);
        return p.exitValue();
    }

    private static Process start(Path cwd, String... args) throws IOException {
        return new ProcessBuilder(command(args)).directory(cwd.toFile()).redirectErrorStream(true).start();
    }

    private static List<String> command(String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString()));
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** Reads the server's output until it prints where it serves. */
    private static String urlOf(Process server) throws IOException {
        BufferedReader lines = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        String line;
        while (System.nanoTime() < deadline && (line = lines.readLine()) != null) {
            seen.append(line).append('\n');
            Matcher m = URL.matcher(line);
            if (line.startsWith("Downhill is serving") && m.find()) {
                Thread drain = new Thread(() -> lines.lines().forEach(l -> { }));
                drain.setDaemon(true);
                drain.start();
                return m.group(1).replace("localhost", "127.0.0.1");
            }
        }
        throw new AssertionError("the server did not start:\n" + seen);
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
