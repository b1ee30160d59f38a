package io.downhill.web;

import io.javalin.http.sse.SseClient;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dev mode: watches the source folders and tells every open page to reload over Server-Sent
 * Events. Content changes reload the course first, so the page that reloads shows the new text
 * (or the new errors).
 */
final class DevReload implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DevReload.class);
    private static final long SETTLE_MILLIS = 60;

    private final CourseState state;
    private final Path content;
    private final WatchService watcher;
    private final Set<SseClient> clients = new CopyOnWriteArraySet<>();
    private final Thread thread;

    DevReload(CourseState state, List<Path> folders) throws IOException {
        this.state = state;
        this.content = state.root();
        this.watcher = FileSystems.getDefault().newWatchService();
        for (Path folder : folders) {
            if (Files.isDirectory(folder)) {
                registerTree(folder);
            }
        }
        thread = new Thread(this::watch, "downhill-dev-reload");
        thread.setDaemon(true);
        thread.start();
    }

    void connect(SseClient client) {
        client.keepAlive();
        clients.add(client);
        client.onClose(() -> clients.remove(client));
        client.sendComment("connected");
    }

    int clientCount() {
        return clients.size();
    }

    private void registerTree(Path root) throws IOException {
        try (Stream<Path> dirs = Files.walk(root)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                dir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE,
                        StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_DELETE);
            }
        }
    }

    private void watch() {
        try {
            while (true) {
                WatchKey key = watcher.take();
                boolean contentChanged = handle(key);
                // Editors write a file in several steps; let them finish before reloading once.
                WatchKey more;
                while ((more = watcher.poll(SETTLE_MILLIS, TimeUnit.MILLISECONDS)) != null) {
                    contentChanged |= handle(more);
                }
                if (contentChanged) {
                    var snapshot = state.reload();
                    snapshot.errors().forEach(issue -> LOG.warn("{}", issue));
                }
                broadcast();
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean handle(WatchKey key) {
        Path dir = (Path) key.watchable();
        boolean contentChanged = dir.startsWith(content);
        for (var event : key.pollEvents()) {
            if (event.context() instanceof Path name && event.kind() == StandardWatchEventKinds.ENTRY_CREATE) {
                Path created = dir.resolve(name);
                if (Files.isDirectory(created)) {
                    try {
                        registerTree(created);
                    } catch (IOException e) {
                        LOG.warn("cannot watch {}: {}", created, e.getMessage());
                    }
                }
            }
        }
        key.reset();
        return contentChanged;
    }

    private void broadcast() {
        for (SseClient client : clients) {
            try {
                client.sendEvent("reload", "changed");
            } catch (RuntimeException e) {
                clients.remove(client);
            }
        }
    }

    @Override
    public void close() throws IOException {
        watcher.close();
        thread.interrupt();
    }
}
