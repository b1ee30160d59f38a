/**
 * The optimizers: torch.optim's update rules on one parameter vector, each with its registration.
 *
 * <h2>Adding an optimizer</h2>
 * One file and one line. The file, next to {@code Sgd.java}, holds the update and its
 * {@link io.downhill.optim.optimizers.OptimizerType} entry: name, label, colour key (the CSS
 * custom property {@code --opt-<key>}), the learning rate widgets start it at, the torch class it
 * mirrors (or null), a description, its parameters (torch's names and order, {@code lr} required)
 * and its factory:
 *
 * <pre>{@code
 * public final class SignDescent implements Optimizer {
 *     public static final OptimizerType TYPE = new OptimizerType("sign", "Sign descent", "adagrad", 0.05,
 *             null, "θ ← θ − γ·sign(g)", List.of(OptimizerType.lr(0.01), OptimizerType.clip()),
 *             (hyper, dimension) -> new SignDescent());
 *
 *     public void step(double[] params, double[] grad, double lr) {
 *         for (int i = 0; i < params.length; i++) {
 *             params[i] -= lr * Math.signum(grad[i]);
 *         }
 *     }
 *
 *     public void configure(HyperParams hyper) {} // changes mid-run; only lr here, which the schedule owns
 * }
 * }</pre>
 *
 * Parameters that must agree with each other (SGD's nesterov needs momentum and no dampening)
 * take one more argument, a list of {@link io.downhill.optim.optimizers.OptimizerType.Rule}: see
 * {@code Sgd.java}.
 *
 * The line registers it in {@link io.downhill.optim.optimizers.OptimizerTypes#BUILT_IN}:
 * {@code SignDescent.TYPE,}. From then on specs validate it, runs and the network trainer build it,
 * {@code /api/optimizers} lists it with its label and colour key, pages label and colour it, and
 * widgets offer it. For a new colour add {@code --opt-<key>} to {@code static/css/site.css}; the
 * PyTorch export needs a torch class. Code that should not change the course (a test) extends a
 * registry instead: {@code Registry.BUILT_IN.with(SignDescent.TYPE).parse(json)} gives a spec that
 * {@link io.downhill.optim.Run} runs; {@code ToyOptimizerTest} does exactly that.
 */
package io.downhill.optim.optimizers;
