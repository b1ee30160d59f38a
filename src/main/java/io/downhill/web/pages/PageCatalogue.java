package io.downhill.web.pages;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.downhill.optim.Catalog;
import io.downhill.optim.OptimizerInfo;
import io.downhill.web.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The optimizers' labels and colour keys, embedded once in the head of each page with widgets as
 * the JSON content of a {@code <meta>} element (data, not a script: the Content-Security-Policy
 * and the pages' one hashed inline script stay as they are). Embedded rather than fetched: pages
 * are rendered once and revalidated by ETag, the JSON is about 400 bytes, and the widgets need the
 * labels before their first legend, which a fetch would delay by a request.
 */
public final class PageCatalogue {
    private PageCatalogue() {}

    /** The name of the meta element the browser reads ({@code static/js/widgets/catalogue.js}). */
    public static final String NAME = "downhill-catalogue";

    /** {@code {"optimizers": {"sgd": {"label": "SGD", "colour": "sgd"}, ...}}}; the template escapes it. */
    public static final String JSON = json();

    private static String json() {
        Map<String, Object> optimizers = new LinkedHashMap<>();
        for (OptimizerInfo o : Catalog.optimizers()) {
            Map<String, String> entry = new LinkedHashMap<>();
            entry.put("label", o.label());
            entry.put("colour", o.colourKey());
            optimizers.put(o.name(), entry);
        }
        try {
            return Json.MAPPER.writeValueAsString(Map.of("optimizers", optimizers));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
