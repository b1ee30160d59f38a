package io.downhill.optim;

import java.util.List;

/**
 * Catalog entry of a learning-rate schedule; {@code torchName} is the torch.optim.lr_scheduler
 * class it mirrors ({@code "(no scheduler)"} for constant).
 */
public record ScheduleInfo(String name, String label, String torchName, List<ParamInfo> params, String description) {}
