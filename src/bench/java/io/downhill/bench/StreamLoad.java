package io.downhill.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Opens many run streams at once against a running server over loopback and reports how many
 * finished with a {@code done} event, how many failed, the most open at the same moment, and the
 * wall time. Bounded: a fixed number of streams and a time limit; it stops by itself.
 *
 * <pre>
 * java -Xmx512m -jar target/downhill.jar --port 7070 --max-streams 5000 --max-streams-per-client 5000 &amp;
 * mvn -B -Pbench compile exec:exec -Dbench.main=io.downhill.bench.StreamLoad -Dbench.args="http://127.0.0.1:7070 2000 2000"
 * </pre>
 * Arguments: base URL, streams, steps, {@code same} or {@code distinct} runs, and a number of
 * learner addresses to spread the streams over (sent as X-Forwarded-For; the server needs
 * {@code --trust-proxy}).
 *
 * A fourth argument {@code distinct} gives every stream its own spec (a slightly different
 * learning rate), so none is served from the run cache; the default {@code same} sends one spec,
 * as a class opening the same widget does. A fifth argument spreads the streams over that many
 * learner addresses, sent as X-Forwarded-For (start the server with {@code --trust-proxy}).
 */
public final class StreamLoad {
    private StreamLoad() {}

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://127.0.0.1:7070";
        int streams = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        int steps = args.length > 2 ? Integer.parseInt(args[2]) : 2000;
        int clients = args.length > 4 ? Integer.parseInt(args[4]) : 0;
        boolean distinct = args.length > 3 && args[3].equals("distinct");
        if (!base.startsWith("http://127.") && !base.startsWith("http://localhost")) {
            throw new IllegalArgumentException("load tests only target this machine's loopback address");
        }
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        AtomicInteger open = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicInteger frames = new AtomicInteger();
        long start = System.nanoTime();
        CompletableFuture<?>[] all = new CompletableFuture<?>[streams];
        for (int i = 0; i < streams; i++) {
            String lr = distinct ? String.format(java.util.Locale.ROOT, "%.9f", 0.05 + i * 1e-7) : "0.05";
            String spec = "{\"problem\":{\"name\":\"rosenbrock\"},\"optimizer\":{\"name\":\"adam\",\"lr\":" + lr + "},"
                    + "\"stop\":{\"max_steps\":" + steps + "}}";
            URI uri = URI.create(base + "/api/runs/stream?fields=params,loss,grad_norm,lr&spec="
                    + URLEncoder.encode(spec, StandardCharsets.UTF_8));
            HttpRequest.Builder builder = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream")
                    .timeout(Duration.ofSeconds(120)).GET();
            if (clients > 0) {
                // as if from many learners behind a proxy (start the server with --trust-proxy)
                int c = i % clients;
                builder.header("X-Forwarded-For", "198.51." + (100 + c / 250) + "." + (c % 250 + 1));
            }
            HttpRequest request = builder.build();
            all[i] = client.sendAsync(request, HttpResponse.BodyHandlers.fromLineSubscriber(new Flow.Subscriber<String>() {
                private boolean sawDone;

                @Override
                public void onSubscribe(Flow.Subscription subscription) {
                    peak.accumulateAndGet(open.incrementAndGet(), Math::max);
                    subscription.request(Long.MAX_VALUE);
                }

                @Override
                public void onNext(String line) {
                    if (line.equals("event: frame")) {
                        frames.incrementAndGet();
                    } else if (line.equals("event: done")) {
                        sawDone = true;
                    }
                }

                @Override
                public void onError(Throwable error) {
                    open.decrementAndGet();
                }

                @Override
                public void onComplete() {
                    open.decrementAndGet();
                    if (sawDone) {
                        done.incrementAndGet();
                    }
                }
            })).handle((response, error) -> {
                if (error != null || response.statusCode() != 200) {
                    failed.incrementAndGet();
                }
                return null;
            });
        }
        CompletableFuture.allOf(all).get(180, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("streams=%d steps=%d distinct=%b done=%d failed=%d peak_open=%d frames=%d wall=%.2fs%n",
                streams, steps, distinct, done.get(), failed.get(), peak.get(), frames.get(), seconds);
    }
}
