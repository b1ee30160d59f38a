package io.downhill.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.downhill.optim.Catalog;
import io.downhill.optim.OptimizerInfo;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The optimizers' labels and colour keys, embedded once in each page with widgets as a JSON data
 * block (not a script, so the Content-Security-Policy has nothing to allow). Embedded rather than
 * fetched: pages are rendered once and revalidated by ETag, the block is a few hundred bytes, and
 * the widgets need the labels before their first legend, which a fetch would delay by a request.
 */
public final class PageCatalogue {
    private PageCatalogue() {}

    /** The id of the element the browser reads ({@code static/js/widgets/catalogue.js}). */
    public static final String ID = "downhill-catalogue";

    /** {@code {"optimizers": {"sgd": {"label": "SGD", "colour": "sgd"}, ...}}}, safe inside a script element. */
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
            // "<" never appears raw, so no label can close the element early
            return Json.MAPPER.writeValueAsString(Map.of("optimizers", optimizers)).replace("<", "\\u003c");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
