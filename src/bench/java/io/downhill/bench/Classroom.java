package io.downhill.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;

/**
 * A class against a running server on this machine. All requests come from one address, as from
 * behind a campus NAT. Bounded in count and time; it stops by itself.
 *
 * <ul>
 *   <li>{@code burst}: N learners open a widget lesson at once (the page and its widgets' default
 *   runs, identical for everyone), then each presses Play on a setting of their own. Prints p50 and
 *   p95 time to the first frame and to the end, and the server's CPU time per learner (read from
 *   /proc for the given pid).</li>
 *   <li>{@code neighbour}: the time of a learner's 2,000-step run stream on an idle server, then
 *   again while one other address keeps its whole allowance of heavy work going.</li>
 * </ul>
 *
 * <pre>
 * java -Xmx512m -jar target/downhill.jar --port 7070 &amp;
 * mvn -B -Pbench compile exec:exec -Dbench.main=io.downhill.bench.Classroom -Dbench.args="burst http://127.0.0.1:7070 PID 300"
 * </pre>
 * {@code src/bench/classroom.sh} runs both with the run cache on and off.
 */
public final class Classroom {
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(20)).build();
    private static final String FIELDS = "params,loss,grad,grad_norm,lr";
    /** The default runs of the lesson's widgets: every learner asks for exactly these. */
    private static final List<String> DEFAULTS = List.of(
            "{\"problem\":{\"name\":\"bowl\"},\"start\":[3,4],\"optimizer\":{\"name\":\"sgd\",\"lr\":0.1},\"stop\":{\"max_steps\":60}}",
            "{\"problem\":{\"name\":\"double-well\"},\"optimizer\":{\"name\":\"sgd\",\"lr\":0.05},\"stop\":{\"max_steps\":200}}",
            "{\"problem\":{\"name\":\"rosenbrock\"},\"start\":[-1.5,2],\"optimizer\":{\"name\":\"adam\",\"lr\":0.05},\"stop\":{\"max_steps\":500}}",
            "{\"problem\":{\"name\":\"rosenbrock\"},\"start\":[-1.5,2],\"optimizer\":{\"name\":\"sgd\",\"lr\":0.001,\"momentum\":0.9},\"stop\":{\"max_steps\":500}}");

    private Classroom() {}

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        String base = args[1];
        if (!base.startsWith("http://127.") && !base.startsWith("http://localhost")) {
            throw new IllegalArgumentException("load tests only target this machine's loopback address");
        }
        long pid = Long.parseLong(args[2]);
        int learners = args.length > 3 ? Integer.parseInt(args[3]) : 300;
        switch (mode) {
            case "burst" -> burst(base, pid, learners, true);
            case "burst-jdk-client" -> burst(base, pid, learners, false);
            case "timing" -> timing(base);
            default -> neighbour(base);
        }
    }

    /** One response's times: to the first frame and to its end, in milliseconds; -1 if not seen or failed. */
    record Timing(double first, double done, int status, boolean page) {}

    private static final String PAGE = "/lessons/what-gradient-descent-does";

    /**
     * Opens a run stream and times its first frame and its end as the lines arrive, without a
     * thread per stream (a thread blocked on each of 1,500 streams would cost the server's cores).
     */
    static CompletableFuture<Timing> stream(String base, String path) {
        long t0 = System.nanoTime();
        URI uri = URI.create(base + path);
        EventTimes times = new EventTimes(t0);
        return CLIENT.sendAsync(HttpRequest.newBuilder(uri).header("Accept", "text/event-stream").timeout(Duration.ofSeconds(120)).build(),
                HttpResponse.BodyHandlers.fromLineSubscriber(times, s -> null, "\n"))
                .thenApply(r -> times.done < 0 ? new Timing(-1, -1, r.statusCode(), false) : new Timing(times.first, times.done, r.statusCode(), false))
                .exceptionally(e -> new Timing(-1, -1, -1, false));
    }

    /** Notes when the first frame and the done event arrive, line by line. */
    private static final class EventTimes implements Flow.Subscriber<String> {
        private final long t0;
        volatile double first = -1;
        volatile double done = -1;

        EventTimes(long t0) {
            this.t0 = t0;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
            if (first < 0 && line.startsWith("event: frame")) {
                first = (System.nanoTime() - t0) / 1e6;
            } else if (line.startsWith("event: done")) {
                done = (System.nanoTime() - t0) / 1e6;
            }
        }

        @Override
        public void onError(Throwable error) {
            done = -1;
        }

        @Override
        public void onComplete() {
            // the times are already noted
        }
    }

    private static void burst(String base, long pid, int learners, boolean light) throws Exception {
        // warm the server's compiler up on the same work, so the figures are of a running server
        for (int round = 0; round < (Boolean.getBoolean("skipWarmUp") ? 0 : 20); round++) {
            List<CompletableFuture<Timing>> warm = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                warm.add(stream(base, streamPath(DEFAULTS.get(i % DEFAULTS.size()))));
                warm.add(stream(base, streamPath(DEFAULTS.get(2).replace("0.05", String.format(Locale.ROOT, "%.5f", 0.5 + round * 0.01 + i * 1e-4)))));
            }
            warm.forEach(CompletableFuture::join);
        }
        List<String> opening = new ArrayList<>();
        for (int i = 0; i < learners; i++) {
            opening.add(PAGE);
            for (String spec : DEFAULTS) {
                opening.add(streamPath(spec));
            }
        }
        long[] cpu = new long[1];
        List<Timing> opened = open(base, opening, light, pid, cpu);
        report("page (1 per learner)", opened.stream().filter(Timing::page).toList(), learners, cpu[0], false);
        report("default runs (" + DEFAULTS.size() + " per learner)", opened.stream().filter(t -> !t.page()).toList(), learners, cpu[0], true);
        List<String> playing = new ArrayList<>();
        for (int i = 0; i < learners; i++) {
            String lr = String.format(Locale.ROOT, "%.5f", 0.01 + i * 1e-4);
            playing.add(streamPath(DEFAULTS.get(2).replace("0.05", lr)));
        }
        List<Timing> played = open(base, playing, light, pid, cpu);
        report("Play on a setting of their own (500 steps)", played, learners, cpu[0], true);
    }

    private static String streamPath(String spec) {
        return "/api/runs/stream?fields=" + FIELDS + "&spec=" + URLEncoder.encode(spec, StandardCharsets.UTF_8);
    }

    /**
     * Sends every request at once, with the light generator or with the JDK's HTTP client, and
     * notes the server's CPU time used until every answer is in.
     */
    private static List<Timing> open(String base, List<String> paths, boolean light, long pid, long[] cpu) throws Exception {
        long before = cpuMillis(pid);
        if (light) {
            URI uri = URI.create(base);
            List<LightClient.Result> results = LightClient.fetchAll(uri.getHost(), uri.getPort(), paths, 120_000, () -> cpu[0] = cpuNow(pid) - before);
            List<Timing> timings = new ArrayList<>();
            for (int i = 0; i < paths.size(); i++) {
                LightClient.Result r = results.get(i);
                timings.add(new Timing(r.first(), r.done(), r.status(), paths.get(i).equals(PAGE)));
            }
            return timings;
        }
        List<CompletableFuture<Timing>> futures = new ArrayList<>();
        for (String path : paths) {
            futures.add(path.equals(PAGE)
                    ? CLIENT.sendAsync(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.discarding())
                            .thenApply(r -> new Timing(-1, 0, r.statusCode(), true))
                    : stream(base, path));
        }
        List<Timing> timings = futures.stream().map(CompletableFuture::join).toList();
        cpu[0] = cpuMillis(pid) - before;
        return timings;
    }

    private static long cpuNow(long pid) {
        try {
            return cpuMillis(pid);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void report(String what, List<Timing> all, int learners, long cpuMillis, boolean frames) {
        double[] first = all.stream().filter(t -> t.first() >= 0).mapToDouble(Timing::first).sorted().toArray();
        double[] done = all.stream().filter(t -> t.done() >= 0).mapToDouble(Timing::done).sorted().toArray();
        long failed = all.stream().filter(t -> t.done() < 0 || t.status() != 200).count();
        String firstFrame = frames ? String.format(Locale.ROOT, "first frame p50 %.0f ms p95 %.0f ms; ", pct(first, 50), pct(first, 95)) : "";
        System.out.printf(Locale.ROOT, "%s: %d responses, %d failed; %sdone p50 %.0f ms p95 %.0f ms; server CPU %.2f ms per learner%n",
                what, all.size(), failed, firstFrame, pct(done, 50), pct(done, 95), (double) cpuMillis / learners);
    }

    private static double pct(double[] sorted, int p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    /** User plus system CPU time of a process, from /proc (clock ticks of 10 ms on Linux). */
    static long cpuMillis(long pid) throws java.io.IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10;
    }

    /**
     * A 500-step Adam run on Rosenbrock, fresh and then again from the cache, against the same
     * server's plain-text route: medians of 300 round trips after 200 of warm-up. The server's time
     * is the round trip less the plain route's.
     */
    private static void timing(String base) throws Exception {
        double[] fresh = new double[300];
        double[] cached = new double[300];
        double[] plain = new double[300];
        String spec = DEFAULTS.get(2).replace("\"stop\"", "\"seed\":%d,\"stop\"");
        for (int i = -200; i < fresh.length; i++) {
            String run = base + "/api/runs?fields=params,loss&spec="
                    + URLEncoder.encode(String.format(Locale.ROOT, spec, 1000 + i), StandardCharsets.UTF_8);
            double f = roundTrip(run);
            double c = roundTrip(run);
            double p = roundTrip(base + "/healthz");
            if (i >= 0) {
                fresh[i] = f;
                cached[i] = c;
                plain[i] = p;
            }
        }
        Arrays.sort(fresh);
        Arrays.sort(cached);
        Arrays.sort(plain);
        System.out.printf(Locale.ROOT, "a 500-step Adam run, round trip: fresh median %.3f ms, cached %.3f ms, plain-text route %.3f ms;"
                + " server time about %.3f ms fresh and %.3f ms cached%n", fresh[150], cached[150], plain[150],
                fresh[150] - plain[150], cached[150] - plain[150]);
    }

    private static double roundTrip(String url) throws Exception {
        long t0 = System.nanoTime();
        CLIENT.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
        return (System.nanoTime() - t0) / 1e6;
    }

    private static void neighbour(String base) throws Exception {
        String learner = "{\"problem\":{\"name\":\"rosenbrock\"},\"start\":[-1.5,2],\"optimizer\":{\"name\":\"adam\",\"lr\":0.0%d1},"
                + "\"stop\":{\"max_steps\":2000}}";
        for (int i = 0; i < 30; i++) {
            stream(base, streamPath(String.format(Locale.ROOT, learner, 50 + i))).get(60, TimeUnit.SECONDS);
        }
        double[] idle = new double[7];
        for (int i = 0; i < idle.length; i++) {
            idle[i] = stream(base, streamPath(String.format(Locale.ROOT, learner, i))).get(60, TimeUnit.SECONDS).done();
        }
        // the neighbour: another address (127.0.0.2) keeping as many heavy trainings going as it may
        // each training just inside the per-request bound; six of them fill the address's share
        String heavy = "{\"depth\":30,\"width\":16,\"batch_size\":8,\"max_steps\":550,\"seed\":%d}";
        List<Process> neighbours = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String url = base + "/api/train/stream?spec=" + URLEncoder.encode(String.format(Locale.ROOT, heavy, i), StandardCharsets.UTF_8);
            neighbours.add(new ProcessBuilder("curl", "-s", "-N", "-o", "/dev/null", "--interface", "127.0.0.2",
                    "--max-time", "60", url).start());
        }
        Thread.sleep(2000);
        double[] loaded = new double[7];
        for (int i = 0; i < loaded.length; i++) {
            loaded[i] = stream(base, streamPath(String.format(Locale.ROOT, learner, i + 10))).get(60, TimeUnit.SECONDS).done();
        }
        neighbours.forEach(Process::destroy);
        Arrays.sort(idle);
        Arrays.sort(loaded);
        System.out.printf(Locale.ROOT, "a learner's 2,000-step run: idle median %.1f ms, beside a heavy neighbour median %.1f ms: %.2fx%n",
                idle[3], loaded[3], loaded[3] / idle[3]);
    }
}
