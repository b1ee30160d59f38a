package io.downhill.pytorch;

import io.downhill.optim.RunSpec;
import java.util.List;

/** Helper functions a script needs only for some specs: numerical gradients and mini-batches. */
final class Helpers {
    private Helpers() {}

    static String source(List<RunSpec> specs) {
        StringBuilder s = new StringBuilder();
        if (specs.stream().anyMatch(r -> r.gradient().method().equals("forward"))) {
            s.append("""
                    def forward_difference(fn, p, h):
                        \"\"\"(fn(p + h·e_i) − fn(p))/h for each coordinate, with a fixed step h, as Downhill computes it.\"\"\"
                        with torch.no_grad():
                            q = p.detach().clone()
                            f0 = fn(q)
                            g = torch.zeros_like(q)
                            for i in range(len(q)):
                                qi = q[i].item()
                                q[i] = qi + h
                                g[i] = (fn(q) - f0) / h
                                q[i] = qi
                        return g


                    """);
        }
        if (specs.stream().anyMatch(r -> r.gradient().method().equals("central"))) {
            s.append("""
                    def central_difference(fn, p, h):
                        \"\"\"(fn(p + h·e_i) − fn(p − h·e_i))/(2h) for each coordinate, as Downhill computes it.\"\"\"
                        with torch.no_grad():
                            q = p.detach().clone()
                            g = torch.zeros_like(q)
                            for i in range(len(q)):
                                qi = q[i].item()
                                q[i] = qi + h
                                up = fn(q)
                                q[i] = qi - h
                                down = fn(q)
                                q[i] = qi
                                g[i] = (up - down) / (2 * h)
                        return g


                    """);
        }
        if (specs.stream().anyMatch(RunSource::minibatch)) {
            s.append("""
                    def minibatches(size, generator):
                        \"\"\"Sample indices in batches of size, reshuffled every epoch, the last partial batch kept.\"\"\"
                        while True:
                            order = torch.randperm(N, generator=generator)
                            for i in range(0, N, size):
                                yield order[i:i + size]


                    """);
        }
        return s.toString();
    }
}
