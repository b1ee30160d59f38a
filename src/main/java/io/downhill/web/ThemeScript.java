package io.downhill.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The one inline script on our pages: it sets the theme before the first paint, so a dark page
 * never flashes white. It is inline because an external file would cost a blocking request; the
 * Content-Security-Policy allows exactly these bytes by their hash.
 */
public final class ThemeScript {
    public static final String SOURCE = """
            (function () {
              var d = document.documentElement, t = null;
              try { t = localStorage.getItem('downhill-theme'); } catch (e) {}
              if (t !== 'light' && t !== 'dark') t = d.getAttribute('data-theme-default');
              if (t !== 'light' && t !== 'dark') t = matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
              d.setAttribute('data-theme', t);
            })();
            """;

    /** The CSP source that allows {@link #SOURCE}: {@code 'sha256-…'}. */
    public static final String CSP_HASH = "'sha256-" + sha256(SOURCE) + "'";

    private ThemeScript() {}

    static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
