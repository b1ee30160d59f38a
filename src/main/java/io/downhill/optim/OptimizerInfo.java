package io.downhill.optim;

import java.util.List;

/** Catalog entry of an optimizer; {@code torchName} is the torch.optim class it mirrors. */
public record OptimizerInfo(String name, String torchName, List<ParamInfo> params, String description) {}
