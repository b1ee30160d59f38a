package io.downhill.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import gg.jte.resolve.DirectoryCodeResolver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * JTE templates: precompiled at build time for serving; compiled from {@code templates/} in dev
 * mode so that an edited template shows on the next reload.
 */
final class Templates {
    private final TemplateEngine engine;

    private Templates(TemplateEngine engine) {
        this.engine = engine;
    }

    static Templates precompiled() {
        return new Templates(TemplateEngine.createPrecompiled(ContentType.Html));
    }

    static Templates fromSource(Path folder) throws IOException {
        Path classes = Files.createTempDirectory("downhill-templates");
        return new Templates(TemplateEngine.create(new DirectoryCodeResolver(folder), classes, ContentType.Html));
    }

    String render(String template, Object model) {
        StringOutput out = new StringOutput(16 * 1024);
        engine.render(template, model, out);
        return out.toString();
    }

    /** For templates with several parameters. */
    String render(String template, java.util.Map<String, Object> params) {
        StringOutput out = new StringOutput(16 * 1024);
        engine.render(template, params, out);
        return out.toString();
    }
}
