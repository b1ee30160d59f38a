package io.downhill.web;

/** Lets tests in other packages see package-private server state. */
public final class DevAccess {
    private DevAccess() {}

    public static int clients(Server server) {
        return server.devClients();
    }
}
