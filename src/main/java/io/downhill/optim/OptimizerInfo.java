package io.downhill.optim;

import java.util.List;

/**
 * Catalog entry of an optimizer.
 *
 * @param label the name people read, e.g. "AdaGrad"
 * @param colourKey its colour is the CSS custom property {@code --opt-<colourKey>}
 * @param widgetLr the learning rate a widget starts it at when the lesson gives none
 * @param torchName the torch.optim class it mirrors, or null
 */
public record OptimizerInfo(String name, String label, String colourKey, double widgetLr, String torchName,
                            List<ParamInfo> params, String description) {}
