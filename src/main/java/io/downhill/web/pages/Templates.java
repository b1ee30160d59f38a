package io.downhill.web.pages;

import gg.jte.CodeResolver;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import gg.jte.resolve.DirectoryCodeResolver;
import gg.jte.resolve.ResourceCodeResolver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * JTE templates: precompiled at build time for serving. In dev mode with a {@code templates/}
 * folder they are compiled on use, each from that folder when it has the file and from the copy
 * in the jar otherwise, so that an edited template shows on the next reload.
 */
public final class Templates {
    private final TemplateEngine engine;

    private Templates(TemplateEngine engine) {
        this.engine = engine;
    }

    public static Templates precompiled() {
        return new Templates(TemplateEngine.createPrecompiled(ContentType.Html));
    }

    public static Templates fromSource(Path folder) throws IOException {
        Path classes = Files.createTempDirectory("downhill-templates");
        return new Templates(TemplateEngine.create(new Overlay(new DirectoryCodeResolver(folder),
                new ResourceCodeResolver(BUNDLED, Templates.class.getClassLoader())), classes, ContentType.Html));
    }

    static final String BUNDLED = "downhill/templates";

    /** Files on disk first, then the bundled ones. */
    private record Overlay(CodeResolver disk, CodeResolver bundled) implements CodeResolver {
        @Override
        public String resolve(String name) {
            String own = disk.exists(name) ? disk.resolve(name) : null;
            return own != null ? own : bundled.resolve(name);
        }

        @Override
        public long getLastModified(String name) {
            return disk.exists(name) ? disk.getLastModified(name) : bundled.getLastModified(name);
        }

        @Override
        public boolean exists(String name) {
            return disk.exists(name) || bundled.exists(name);
        }
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
