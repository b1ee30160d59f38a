/**
 * A small fully connected network for the neural-network lesson: seeded 2D toy datasets
 * ({@link io.downhill.optim.nn.Datasets}), a network whose backpropagation is written out by hand
 * ({@link io.downhill.optim.nn.Network}), and mini-batch training with the engine's torch.optim
 * optimizers, gradient clipping and per-layer gradient norms ({@link io.downhill.optim.nn.Trainer}).
 * Deterministic: same {@link io.downhill.optim.nn.NetSpec} and data, same steps, bit for bit.
 */
package io.downhill.optim.nn;
