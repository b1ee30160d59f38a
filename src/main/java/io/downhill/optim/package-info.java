/**
 * The numeric core of Downhill: problems, torch.optim-style optimizers, lr schedules, stopping
 * rules and lazy runs. Pure JDK, no project imports, deterministic.
 *
 * <h2>Entry points</h2>
 * {@link io.downhill.optim.RunSpec#fromJson} validates a JSON tree; {@link io.downhill.optim.Run}
 * yields {@link io.downhill.optim.Step}s lazily and ends with a {@link io.downhill.optim.Status};
 * {@link io.downhill.optim.Catalog} describes every problem, optimizer and schedule. Each is
 * registered once with its name, label, parameters and factory: optimizers as
 * {@link io.downhill.optim.optimizers.OptimizerType} entries listed in a
 * {@link io.downhill.optim.Registry} (see the optimizers package for adding one), problems in
 * {@code Problems.TYPES} and schedules in {@code Schedules.TYPES}.
 *
 * <h2>Semantics (decisions a caller may need to know)</h2>
 * <ul>
 *   <li><b>Step t</b> holds θ after t updates, the full loss there, the gradient the next update
 *       uses (mini-batch for data problems), and lr_t = the rate of update t → t+1 after the
 *       schedule and any change at t. At t = 0 nothing has been updated yet: velocity, m̂, v̂ and
 *       effectiveLr are all-zero arrays (not null) when the optimizer has them, so every chart
 *       trace has a point at t = 0. For t ≥ 1 they are the values that produced θ_t.
 *   <li><b>Gradient shown</b>: Step.grad is the raw gradient of the objective, before
 *       clip_grad_norm and before weight decay; the grad_norm stop rule uses it too.
 *   <li><b>Numerical gradients</b> use a fixed step h: forward default 1e-8 (≈ √ε), central
 *       default 1e-6 (≈ ∛ε); allowed 1e-15..1. Data problems differentiate the current
 *       mini-batch's objective.
 *   <li><b>Changes</b> apply before lr_t is read, so Step {@code at} already shows them; the
 *       optimizer keeps its state. An lr change rebases closed-form schedules (same formula, new
 *       γ) and sets ReduceLROnPlateau's current lr (earlier cuts are not re-applied; its best,
 *       bad-step count and cooldown carry on). Adagrad's initial_accumulator_value cannot change.
 *   <li><b>Divergence</b>: "non-finite" when loss, a parameter or a gradient entry is NaN/∞;
 *       "loss-exploded" when |L_t| > 1e12·max(|L_0|, 1). The diverged step is included.
 *   <li><b>Data problems</b>: linear regression minimises ½·mean squared error over [w, b] with
 *       x ~ U[−1, 3), y = 2x + 1 + noise·N(0,1), noise default 0.5; logistic regression minimises
 *       mean cross-entropy over [w1, w2, b] for two Gaussian blobs (noise = blob std, default 1).
 *       n default 100 (2..1000), batch_size default n. Mini-batches are drawn without
 *       replacement, reshuffled each epoch, last partial batch kept (DataLoader drop_last=False).
 *   <li><b>Custom functions</b>: {@code "problem": {"expression": "x^2 + y^2", "dimension": 2,
 *       "range": [[-3, 3], [-3, 3]]}} instead of a name (dimension and range optional, shown with
 *       their defaults); the gradient comes from reverse-mode automatic differentiation
 *       ({@link io.downhill.optim.expr.Expression}), the default start is all ones and the spec's
 *       problem name is "expression". A syntax error is a SpecException on
 *       {@code problem.expression} whose detail starts with "column N: ".
 *   <li><b>Randomness</b>: {@code new SplittableRandom(seed)}; its first split draws the dataset,
 *       its second the mini-batches, so the dataset does not depend on batch_size.
 *       Transcendental functions use StrictMath, so the same spec gives the same bits on every
 *       JVM.
 * </ul>
 */
package io.downhill.optim;
