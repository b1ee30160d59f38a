package io.downhill.web.pages;

import io.downhill.course.CourseConfig;
import io.downhill.web.Assets;

/** What every page template needs to know about the site: where things are, and the mode. */
public record Site(String basePath, String assetVersion, boolean dev, CourseConfig config) {

    /** A link to a page of this site, correct under any base path. */
    public String url(String path) {
        return basePath + path;
    }

    /** One of our own static files, e.g. {@code css/site.css}. */
    public String asset(String file) {
        return basePath + "/static/" + assetVersion + "/" + file;
    }

    /** A file of the course folder (logo, extra CSS), served where lessons' images are. */
    public String courseFile(String path) {
        return basePath + "/lessons/" + path;
    }

    public String katex(String file) {
        return basePath + "/webjars/katex/" + Assets.KATEX + "/dist/" + file;
    }

    public String highlightjs(String file) {
        return basePath + "/webjars/highlightjs/" + Assets.HIGHLIGHTJS + "/" + file;
    }

    /** Plotly's 2D charts, on every page with a widget. */
    public String plotly() {
        return basePath + Assets.PLOTLY_CARTESIAN;
    }

    /** Plotly's 3D charts, fetched only when a learner turns a 3D view on. */
    public String plotly3d() {
        return basePath + Assets.PLOTLY_3D;
    }
}
