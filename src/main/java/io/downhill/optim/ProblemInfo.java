package io.downhill.optim;

import java.util.List;

/**
 * Catalog entry of a problem. For data problems, range, minima and defaultStart are those of the
 * dataset drawn with the default params and seed 0; other seeds move the optimum slightly.
 *
 * @param label the name people read, e.g. "Ill-conditioned bowl"
 * @param kind {@code "1d"}, {@code "2d"} or {@code "data"}
 * @param range plot range, one {@code [lo, hi]} per coordinate
 * @param minima known global or local minima (empty when there are none, e.g. saddles)
 */
public record ProblemInfo(
        String name,
        String label,
        String kind,
        int dimension,
        double[][] range,
        List<double[]> minima,
        double[] defaultStart,
        List<ParamInfo> params,
        String description) {}
