package io.downhill.web.work;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class FairSchedulerTest {

    /** The scheduler's clock: each slice says how long it took, so the order is exact on any machine. */
    private final AtomicLong now = new AtomicLong();

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void busy(long millis) {
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(millis));
    }

    @Test
    void aLightClientRunsBeforeTheQueuedWorkOfAHeavyOne() throws Exception {
        List<String> order = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch hostileStarted = new CountDownLatch(1);
        CountDownLatch learnerQueued = new CountDownLatch(1);
        CountDownLatch all = new CountDownLatch(11);
        try (FairScheduler scheduler = new FairScheduler(1, 1, now::get)) {
            for (int i = 0; i < 10; i++) {
                int n = i;
                scheduler.submit("hostile", () -> {
                    hostileStarted.countDown();
                    if (n == 0) {
                        await(learnerQueued);
                    }
                    busy(5);
                    order.add("hostile-" + n);
                    all.countDown();
                });
            }
            hostileStarted.await(5, TimeUnit.SECONDS);
            scheduler.submit("learner", () -> {
                order.add("learner");
                all.countDown();
            });
            learnerQueued.countDown();
            assertThat(all.await(10, TimeUnit.SECONDS)).isTrue();
        }
        // the hostile slice already running finishes, then the learner goes first: its clock is behind
        assertThat(order.indexOf("learner")).isEqualTo(1);
    }

    @Test
    void aHeavyClientNeverHoldsEveryWorkerSoALearnerStartsAtOnce() throws Exception {
        // two workers, one slice per client at a time: the heavy client's slices are all blocked,
        // yet the learner's slice runs while they are
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch learnerRan = new CountDownLatch(1);
        CountDownLatch heavyStarted = new CountDownLatch(1);
        java.util.concurrent.atomic.AtomicInteger heavyAtOnce = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger heavyMost = new java.util.concurrent.atomic.AtomicInteger();
        try (FairScheduler scheduler = new FairScheduler(2, 1, now::get)) {
            for (int i = 0; i < 5; i++) {
                scheduler.submit("heavy", () -> {
                    heavyMost.accumulateAndGet(heavyAtOnce.incrementAndGet(), Math::max);
                    heavyStarted.countDown();
                    await(release);
                    heavyAtOnce.decrementAndGet();
                });
            }
            assertThat(heavyStarted.await(5, TimeUnit.SECONDS)).isTrue();
            scheduler.submit("learner", learnerRan::countDown);
            assertThat(learnerRan.await(5, TimeUnit.SECONDS)).isTrue();
            release.countDown();
        }
        assertThat(heavyMost.get()).isEqualTo(1);
    }

    @Test
    void twoBusyClientsShareTheWorkerByTimeUsedNotBySliceCount() throws Exception {
        // "long" submits 4 ms slices, "short" 1 ms slices; by CPU time each should get about half
        List<String> order = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch done = new CountDownLatch(40);
        try (FairScheduler scheduler = new FairScheduler(1, 1, now::get)) {
            CountDownLatch gate = new CountDownLatch(1);
            scheduler.submit("gate", () -> {
                try {
                    gate.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            for (int i = 0; i < 20; i++) {
                scheduler.submit("long", () -> {
                    busy(4);
                    order.add("long");
                    done.countDown();
                });
                scheduler.submit("short", () -> {
                    busy(1);
                    order.add("short");
                    done.countDown();
                });
            }
            gate.countDown();
            assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        }
        // over the first 40 ms of work, "short" ran about four slices for each of "long"'s
        List<String> first = order.subList(0, 20);
        long shorts = first.stream().filter("short"::equals).count();
        assertThat(shorts).isGreaterThanOrEqualTo(14);
    }

    @Test
    void aClientThatWasIdleDoesNotBankCredit() throws Exception {
        List<String> order = Collections.synchronizedList(new ArrayList<>());
        try (FairScheduler scheduler = new FairScheduler(1, 1, now::get)) {
            // "early" uses 20 ms, then goes idle while "busy" uses 200 ms
            CountDownLatch first = new CountDownLatch(1);
            scheduler.submit("early", () -> {
                busy(20);
                first.countDown();
            });
            first.await(5, TimeUnit.SECONDS);
            CountDownLatch busyDone = new CountDownLatch(20);
            for (int i = 0; i < 20; i++) {
                scheduler.submit("busy", () -> {
                    busy(10);
                    busyDone.countDown();
                });
            }
            busyDone.await(5, TimeUnit.SECONDS);
            // both now queue 30 slices of 2 ms: "early" comes back level with "busy" (at most one
            // slice of 10 ms behind), not 180 ms behind, which would give it every one of its slices first
            CountDownLatch gate = new CountDownLatch(1);
            scheduler.submit("gate", () -> {
                try {
                    gate.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            CountDownLatch rest = new CountDownLatch(60);
            for (int i = 0; i < 30; i++) {
                scheduler.submit("early", () -> {
                    busy(2);
                    order.add("early");
                    rest.countDown();
                });
                scheduler.submit("busy", () -> {
                    busy(2);
                    order.add("busy");
                    rest.countDown();
                });
            }
            gate.countDown();
            assertThat(rest.await(5, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(order.subList(0, 8)).contains("busy");
        assertThat(order.subList(30, 60)).contains("early");
    }
}
