package io.downhill.web;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;

/** Recognises a client that went away while its answer was being written. */
final class ClientAbort {
    private ClientAbort() {}

    static boolean is(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ClosedChannelException || t.getClass().getName().equals("org.eclipse.jetty.io.EofException")) {
                return true;
            }
            if (t instanceof IOException && t.getMessage() != null
                    && (t.getMessage().contains("Broken pipe") || t.getMessage().contains("Connection reset"))) {
                return true;
            }
        }
        return false;
    }

    static String describe(Throwable e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}
