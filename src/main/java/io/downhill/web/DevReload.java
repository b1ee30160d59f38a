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
 * Watches the course folder (and in dev mode the template and static folders). A content change
 * loads the course again: a valid course replaces the served one at once, a broken one is logged
 * and the last good course stays. In dev mode every open page is then told to reload over
 * Server-Sent Events, so it shows the new text (or the new errors).
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
                    // pages start reloading while the course loads; their requests wait for it
                    state.reloadStarting();
                    broadcast();
                    publish();
                } else {
                    broadcast();
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void publish() {
        var snapshot = state.reload();
        if (snapshot.errors().isEmpty()) {
            LOG.info("published the edited course: {} lessons", snapshot.course().lessons().size());
            return;
        }
        LOG.warn("the edited course has {} error(s); still serving the last good version", snapshot.errors().size());
        snapshot.errors().forEach(issue -> LOG.warn("  {}", issue));
    }

    private boolean handle(WatchKey key) {
        Path dir = (Path) key.watchable();
        boolean contentChanged = content != null && dir.startsWith(content);
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
