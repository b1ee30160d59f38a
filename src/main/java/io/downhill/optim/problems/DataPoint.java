package io.downhill.optim.problems;

/** One sample of a dataset: inputs {@code x} and target {@code y} (a class label 0/1 for logistic). */
public record DataPoint(double[] x, double y) {}
