package io.downhill.web;

import io.downhill.optim.Run;
import io.downhill.optim.RunSpec;
import io.downhill.web.stream.ReadyRuns;
import io.downhill.web.stream.RunCache;
import io.downhill.web.stream.RunJob;
import io.downhill.web.stream.StepFields;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;

/**
 * The server's own time for a run response, without the network: the lesson's 500-step Adam run on
 * Rosenbrock with the fields a widget asks for, computed and encoded as a whole response (fresh),
 * found ready by the request's text (cached), and its parts (reading the spec, the run alone).
 *
 * <pre>
 * mvn -B -Pbench compile exec:exec -Dbench.main=io.downhill.web.RunResponseBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RunResponseBenchmark {
    static final String SPEC = "{\"problem\":{\"name\":\"rosenbrock\"},\"start\":[-1.5,2],"
            + "\"optimizer\":{\"name\":\"adam\",\"lr\":0.05},\"stop\":{\"max_steps\":500}}";
    /** What a loss chart asks for, and what a widget with readouts asks for. */
    @Param({"params,loss", "params,loss,grad,grad_norm,lr"})
    public String fields;

    private RunCache runs;
    private ReadyRuns ready;
    private String request;

    @Setup
    public void setUp() throws IOException {
        runs = new RunCache(64L << 20);
        ready = new ReadyRuns(16L << 20);
        request = ReadyRuns.request("events", fields, SPEC);
        RunCache.Key key = new RunCache.Key(RunRequests.parseSpec(SPEC), StepFields.parse(fields));
        drain(RunJob.of(key, RunJob.Format.EVENTS, -1, runs));
        if (ready.find(request, key, RunJob.Format.EVENTS, runs) == null || ready.find(request) == null) {
            throw new IllegalStateException("the run should be ready");
        }
    }

    private static int drain(RunJob job) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 17);
        while (job.step(out)) {
            // the whole response
        }
        return out.size();
    }

    @Benchmark
    public Object readSpec() {
        return new RunCache.Key(RunRequests.parseSpec(SPEC), StepFields.parse(fields));
    }

    @Benchmark
    public int runOnly() {
        Run run = Run.start(RunRequests.parseSpec(SPEC));
        int n = 0;
        while (run.hasNext()) {
            n += run.next().t();
        }
        return n;
    }

    @Benchmark
    public int freshResponse() throws IOException {
        RunCache.Key key = new RunCache.Key(RunRequests.parseSpec(SPEC), StepFields.parse(fields));
        return drain(RunJob.of(key, RunJob.Format.EVENTS, -1, new RunCache(0)));
    }

    @Benchmark
    public int cutFromCachedRun() throws IOException {
        RunCache.Key key = new RunCache.Key(RunRequests.parseSpec(SPEC), StepFields.parse(fields));
        return drain(RunJob.of(key, RunJob.Format.EVENTS, -1, runs));
    }

    @Benchmark
    public Object readyResponse() {
        return ready.find(request);
    }

    public static void main(String[] args) throws Exception {
        new Runner(new CommandLineOptions(args)).run();
    }
}
