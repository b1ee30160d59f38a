package io.downhill.pytorch;

import io.downhill.optim.ProblemSpec;
import io.downhill.optim.expr.Expression;
import io.downhill.optim.expr.Node;
import io.downhill.optim.problems.DataPoint;
import io.downhill.optim.problems.DataProblem;
import io.downhill.optim.problems.Problem;
import java.util.List;

/**
 * A problem written as a torch function {@code f(p)} of the parameter tensor: the same formula as
 * the engine's, term for term, so autograd differentiates what Downhill differentiates by hand. Data
 * problems carry their seeded dataset as literals and define {@code batch_loss(p, idx)} too.
 */
final class TorchProblem {
    private TorchProblem() {}

    /** Python source defining f (and for data problems X, Y, N and batch_loss). */
    static String source(ProblemSpec spec, Problem problem) {
        return switch (spec.name()) {
            case "quadratic" -> fn("a = " + PyFormat.literal((Double) spec.params().get("a")) + "\n    return 0.5 * a * p[0] ** 2",
                    "f(x) = a·x²/2");
            case "double-well" -> fn("x = p[0]\n    return x ** 4 - 3 * x ** 2 + x", "f(x) = x⁴ − 3x² + x");
            case "plateau" -> fn("return torch.tanh(p[0] ** 2 / 4)", "f(x) = tanh(x²/4)");
            case "bowl" -> fn("x, y = p[0], p[1]\n    return x ** 2 + 2 * y ** 2", "f(x, y) = x² + 2y²");
            case "ill-conditioned" -> fn("kappa = " + PyFormat.literal((Double) spec.params().get("condition"))
                    + "\n    x, y = p[0], p[1]\n    return 0.5 * (x ** 2 + kappa * y ** 2)", "f(x, y) = (x² + κ·y²)/2");
            case "rosenbrock" -> fn("x, y = p[0], p[1]\n    return (1 - x) ** 2 + 100 * (y - x ** 2) ** 2",
                    "f(x, y) = (1 − x)² + 100·(y − x²)²");
            case "beale" -> fn("x, y = p[0], p[1]\n    return (1.5 - x + x * y) ** 2 + (2.25 - x + x * y ** 2) ** 2"
                    + " + (2.625 - x + x * y ** 3) ** 2", "Beale's function");
            case "himmelblau" -> fn("x, y = p[0], p[1]\n    return (x ** 2 + y - 11) ** 2 + (x + y ** 2 - 7) ** 2",
                    "f(x, y) = (x² + y − 11)² + (x + y² − 7)²");
            case "saddle" -> fn("x, y = p[0], p[1]\n    return x ** 2 - y ** 2", "f(x, y) = x² − y²");
            case "monkey-saddle" -> fn("x, y = p[0], p[1]\n    return x ** 3 - 3 * x * y ** 2", "f(x, y) = x³ − 3xy²");
            case "double-well-2d" -> fn("x, y = p[0], p[1]\n    return x ** 4 - 3 * x ** 2 + x + 2 * y ** 2",
                    "f(x, y) = x⁴ − 3x² + x + 2y²");
            case "plateau-2d" -> fn("x, y = p[0], p[1]\n    return torch.tanh((x ** 2 + 2 * y ** 2) / 4)",
                    "f(x, y) = tanh((x² + 2y²)/4)");
            case "linear-regression" -> data((DataProblem) problem, false);
            case "logistic-regression" -> data((DataProblem) problem, true);
            case "expression" -> expression(spec);
            default -> throw new IllegalArgumentException("no torch form for problem " + spec.name());
        };
    }

    private static String fn(String body, String doc) {
        return "def f(p):\n    \"\"\"" + doc + "\"\"\"\n    " + body + "\n";
    }

    private static String data(DataProblem problem, boolean logistic) {
        List<DataPoint> points = problem.points();
        StringBuilder x = new StringBuilder();
        StringBuilder y = new StringBuilder();
        for (int i = 0; i < points.size(); i++) {
            DataPoint d = points.get(i);
            String sep = i == 0 ? "" : (i % 4 == 0 ? ",\n    " : ", ");
            x.append(sep).append(d.x().length == 1 ? PyFormat.literal(d.x()[0])
                    : "[" + PyFormat.literal(d.x()[0]) + ", " + PyFormat.literal(d.x()[1]) + "]");
            y.append(i == 0 ? "" : (i % 8 == 0 ? ",\n    " : ", ")).append(PyFormat.literal(d.y()));
        }
        String model = logistic
                ? "    z = X[idx] @ p[:2] + p[2]\n"
                        + "    return torch.nn.functional.binary_cross_entropy_with_logits(z, Y[idx])\n"
                : "    r = p[0] * X[idx] + p[1] - Y[idx]\n    return 0.5 * (r ** 2).mean()\n";
        return "# The seeded dataset Downhill drew (" + points.size() + " samples), written out so the losses match.\n"
                + "X = torch.tensor([\n    " + x + "])\n"
                + "Y = torch.tensor([\n    " + y + "])\n"
                + "N = len(Y)\n\n\n"
                + "def batch_loss(p, idx):\n"
                + (logistic ? "    \"\"\"Mean cross-entropy of the logistic model on the samples idx; p = [w1, w2, b].\"\"\"\n"
                        : "    \"\"\"Half the mean squared error of y = w·x + b on the samples idx; p = [w, b].\"\"\"\n")
                + model + "\n\n"
                + "def f(p):\n    return batch_loss(p, torch.arange(N))\n";
    }

    private static String expression(ProblemSpec spec) {
        String text = (String) spec.params().get("expression");
        int dimension = spec.params().get("dimension") instanceof Integer d ? d : 2;
        List<Node> nodes = Expression.parse(text, dimension).nodes();
        String body = python(nodes, nodes.size() - 1);
        return "def f(p):\n    \"\"\"" + text.replace("\\", "\\\\").replace("\"", "'") + "\"\"\"\n    x"
                + (dimension == 2 ? ", y = p[0], p[1]" : " = p[0]") + "\n    return " + body + "\n";
    }

    /** Node i as a fully parenthesised Python expression over tensors x and y. */
    private static String python(List<Node> nodes, int i) {
        Node n = nodes.get(i);
        int[] in = n.inputs();
        return switch (n.op()) {
            case "const" -> constant(n.label());
            case "x" -> "x";
            case "y" -> "y";
            case "+", "-", "*", "/" -> "(" + python(nodes, in[0]) + " " + n.op() + " " + python(nodes, in[1]) + ")";
            case "^" -> "(" + python(nodes, in[0]) + " ** " + python(nodes, in[1]) + ")";
            case "neg" -> "(-" + python(nodes, in[0]) + ")";
            case "sigmoid" -> "torch.sigmoid(" + python(nodes, in[0]) + ")";
            default -> "torch." + n.op() + "(" + python(nodes, in[0]) + ")";
        };
    }

    private static String constant(String label) {
        return switch (label) {
            case "pi" -> "math.pi";
            case "e" -> "math.e";
            default -> PyFormat.literal(Double.parseDouble(label));
        };
    }
}
