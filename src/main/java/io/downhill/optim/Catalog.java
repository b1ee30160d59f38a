package io.downhill.optim;

import io.downhill.optim.optimizers.OptimizerType;
import io.downhill.optim.problems.Problem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Metadata for the catalog endpoints and the pages, built from the same registrations that
 * validate specs and build runs. Data problems are described by the instance drawn with default
 * params and seed 0.
 */
public final class Catalog {
    private Catalog() {}

    private static final List<ProblemInfo> PROBLEMS = buildProblems();
    private static final List<OptimizerInfo> OPTIMIZERS = optimizers(Registry.BUILT_IN);
    private static final List<ScheduleInfo> SCHEDULES = buildSchedules();

    public static List<ProblemInfo> problems() {
        return PROBLEMS;
    }

    /** The built-in optimizers ({@link Registry#BUILT_IN}). */
    public static List<OptimizerInfo> optimizers() {
        return OPTIMIZERS;
    }

    /** The optimizers of {@code registry}, in its order. */
    public static List<OptimizerInfo> optimizers(Registry registry) {
        List<OptimizerInfo> out = new ArrayList<>();
        for (OptimizerType t : registry.optimizers()) {
            out.add(new OptimizerInfo(t.name(), t.label(), t.colourKey(), t.widgetLr(), t.torchName(),
                    infos(t.params()), t.description()));
        }
        return List.copyOf(out);
    }

    public static List<ScheduleInfo> schedules() {
        return SCHEDULES;
    }

    private static List<ParamInfo> infos(List<ParamDef> defs) {
        List<ParamInfo> out = new ArrayList<>();
        defs.forEach(d -> out.add(d.info()));
        return List.copyOf(out);
    }

    private static List<ProblemInfo> buildProblems() {
        List<ProblemInfo> out = new ArrayList<>();
        for (Problems.Type type : Problems.TYPES) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("name", type.name());
            Problem p = ProblemSpec.fromJson(json).create(0);
            out.add(new ProblemInfo(type.name(), type.label(), type.kind(), type.dimension(), p.range(), p.minima(),
                    p.defaultStart(), infos(type.params()), type.description()));
        }
        return List.copyOf(out);
    }

    private static List<ScheduleInfo> buildSchedules() {
        List<ScheduleInfo> out = new ArrayList<>();
        for (Schedules.Type t : Schedules.TYPES) {
            out.add(new ScheduleInfo(t.name(), t.label(), t.torchName(), infos(t.params()), t.description()));
        }
        return List.copyOf(out);
    }
}
