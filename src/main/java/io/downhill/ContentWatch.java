package io.downhill;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Waits for changes anywhere under a folder, new sub-folders included, for {@code check --watch}. */
final class ContentWatch implements AutoCloseable {
    /** Editors save in several steps; wait for them to finish before checking once. */
    private static final long SETTLE_MILLIS = 100;

    private final WatchService watcher;

    ContentWatch(Path root) throws IOException {
        watcher = FileSystems.getDefault().newWatchService();
        register(root);
    }

    private void register(Path root) throws IOException {
        try (Stream<Path> dirs = Files.walk(root)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                dir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                        StandardWatchEventKinds.ENTRY_DELETE);
            }
        }
    }

    void awaitChange() throws InterruptedException, IOException {
        WatchKey key = watcher.take();
        do {
            Path dir = (Path) key.watchable();
            for (var event : key.pollEvents()) {
                if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && event.context() instanceof Path name
                        && Files.isDirectory(dir.resolve(name))) {
                    register(dir.resolve(name));
                }
            }
            key.reset();
        } while ((key = watcher.poll(SETTLE_MILLIS, TimeUnit.MILLISECONDS)) != null);
    }

    @Override
    public void close() throws IOException {
        watcher.close();
    }
}
