package io.downhill.web.work;

import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shares a few worker threads between clients by the CPU time each has used, so that a client with
 * many or heavy requests slows only itself. Work arrives as short slices (a few milliseconds each);
 * every client keeps a virtual clock of the CPU time its slices took, and a free worker always runs
 * the waiting client whose clock is furthest behind. A client that was idle starts level with the
 * busiest waiting client, so it cannot bank credit while away and then monopolise the cores.
 * There is one worker more than a client may use at once, so a learner's slice never waits for a
 * heavy client's slices to end: it starts at once, sharing the cores with them.
 */
public final class FairScheduler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FairScheduler.class);

    private final Object lock = new Object();
    private final Map<String, Account> accounts = new HashMap<>();
    private final TreeSet<Account> waiting = new TreeSet<>(
            Comparator.comparingLong((Account a) -> a.clock).thenComparingLong(a -> a.order));
    private final Thread[] workers;
    private final int perClient;
    private final LongSupplier clock;
    private final AtomicLong sliceCount = new AtomicLong();
    private long orderCounter;
    private long floor;
    private boolean closed;

    /**
     * @param workerCount threads that run slices
     * @param perClient slices one client may run at the same time (fewer than the workers, so that
     *     another client always finds one free)
     */
    public FairScheduler(int workerCount, int perClient) {
        this(workerCount, perClient, System::nanoTime);
    }

    /** With a clock of its own, so that tests can say exactly how long each slice took. */
    FairScheduler(int workerCount, int perClient, LongSupplier clock) {
        if (perClient < 1 || perClient > workerCount) {
            throw new IllegalArgumentException("perClient must be between 1 and the number of workers");
        }
        this.perClient = perClient;
        this.clock = clock;
        workers = new Thread[workerCount];
        for (int i = 0; i < workerCount; i++) {
            workers[i] = new Thread(this::work, "downhill-worker-" + (i + 1));
            workers[i].setDaemon(true);
            workers[i].start();
        }
    }

    /** Runs {@code slice} on a worker when it is this client's turn. */
    public void submit(String client, Runnable slice) {
        synchronized (lock) {
            if (closed) {
                return;
            }
            Account a = accounts.computeIfAbsent(client, Account::new);
            if (a.slices.isEmpty() && a.running == 0) {
                a.clock = Math.max(a.clock, floor);
            }
            a.slices.add(slice);
            queue(a);
        }
    }

    /** Puts a client in the line for a worker when it has a slice and may run one more; lock held. */
    private void queue(Account a) {
        if (!a.queued && !a.slices.isEmpty() && a.running < perClient) {
            a.order = orderCounter++;
            a.queued = true;
            waiting.add(a);
            lock.notify();
        }
    }

    /**
     * Drops a client's clock once it has nothing open, so that the table does not grow with every
     * address ever seen; it is kept while the client has work, so a heavy client stays behind.
     */
    public void forget(String client) {
        synchronized (lock) {
            Account a = accounts.get(client);
            if (a != null && a.slices.isEmpty() && a.running == 0) {
                accounts.remove(client);
            }
        }
    }

    /** Slices run so far (for tests and monitoring). */
    public long slicesRun() {
        return sliceCount.get();
    }


    private void work() {
        while (true) {
            Account account;
            Runnable slice;
            synchronized (lock) {
                while (!closed && waiting.isEmpty()) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (closed) {
                    return;
                }
                account = waiting.pollFirst();
                account.queued = false;
                floor = Math.max(floor, account.clock);
                slice = account.slices.poll();
                account.running++;
                queue(account);
            }
            long start = clock.getAsLong();
            try {
                slice.run();
            } catch (RuntimeException | Error e) {
                LOG.error("a unit of work failed", e);
            }
            long used = Math.max(1, clock.getAsLong() - start);
            sliceCount.incrementAndGet();
            synchronized (lock) {
                // re-key the account: its clock moves, and the set is ordered by clock
                if (account.queued) {
                    waiting.remove(account);
                }
                account.clock += used;
                account.running--;
                if (account.queued) {
                    waiting.add(account);
                } else {
                    queue(account);
                }
            }
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            lock.notifyAll();
        }
        for (Thread t : workers) {
            t.interrupt();
        }
    }

    private static final class Account {
        final String key;
        final ArrayDeque<Runnable> slices = new ArrayDeque<>();
        long clock;
        long order;
        int running;
        boolean queued;

        Account(String key) {
            this.key = key;
        }
    }
}
