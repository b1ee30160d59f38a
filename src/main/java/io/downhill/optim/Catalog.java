package io.downhill.optim;

import io.downhill.optim.problems.Problem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Metadata for the catalog endpoints, built from the same parameter definitions that validate
 * specs. Data problems are described by the instance drawn with default params and seed 0.
 */
public final class Catalog {
    private Catalog() {}

    private static final List<ProblemInfo> PROBLEMS = buildProblems();
    private static final List<OptimizerInfo> OPTIMIZERS = buildOptimizers();
    private static final List<ScheduleInfo> SCHEDULES = buildSchedules();

    public static List<ProblemInfo> problems() {
        return PROBLEMS;
    }

    public static List<OptimizerInfo> optimizers() {
        return OPTIMIZERS;
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
            Problem p = Problems.create(RunSpec.fromJson(Map.of(
                    "problem", json, "optimizer", Map.of("name", "sgd"), "stop", Map.of("max_steps", 1)))
                    .problem(), 0);
            out.add(new ProblemInfo(type.name(), type.kind(), type.dimension(), p.range(), p.minima(),
                    p.defaultStart(), infos(type.params()), type.description()));
        }
        return List.copyOf(out);
    }

    private static List<OptimizerInfo> buildOptimizers() {
        List<OptimizerInfo> out = new ArrayList<>();
        for (Optimizers.Type t : Optimizers.TYPES) {
            out.add(new OptimizerInfo(t.name(), t.torchName(), infos(t.params()), t.description()));
        }
        return List.copyOf(out);
    }

    private static List<ScheduleInfo> buildSchedules() {
        List<ScheduleInfo> out = new ArrayList<>();
        for (Schedules.Type t : Schedules.TYPES) {
            out.add(new ScheduleInfo(t.name(), t.torchName(), infos(t.params()), t.description()));
        }
        return List.copyOf(out);
    }
}
