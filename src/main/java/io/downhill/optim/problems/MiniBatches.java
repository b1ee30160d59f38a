package io.downhill.optim.problems;

import java.util.SplittableRandom;

/**
 * Sampling without replacement, like torch's DataLoader(shuffle=True, drop_last=False): each epoch
 * visits every sample once in a freshly shuffled order, cut into consecutive batches of
 * {@code batchSize}; when n is not a multiple of the batch size the epoch's last batch is the
 * smaller remainder (its gradient is the mean over that smaller batch).
 *
 * <p>The full batch (batchSize = n) never shuffles: it always lists the samples in index order, so
 * its gradient equals {@link DataProblem#gradient} bit for bit and it draws nothing from the RNG.
 */
public final class MiniBatches {
    private final int[] order;
    private final int batchSize;
    private final SplittableRandom rng;
    private int from;
    private int to;

    public MiniBatches(int n, int batchSize, SplittableRandom rng) {
        if (batchSize < 1 || batchSize > n) {
            throw new IllegalArgumentException("batch size " + batchSize + " not in 1.." + n);
        }
        this.order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        this.batchSize = batchSize;
        this.rng = rng;
        this.from = n; // forces a shuffle on the first call
        this.to = n;
    }

    /** Advances to the next batch; read it with {@link #indices()}, {@link #from()}, {@link #to()}. */
    public void next() {
        int n = order.length;
        if (batchSize == n) {
            from = 0;
            to = n;
            return;
        }
        if (to == n) {
            shuffle();
            to = 0;
        }
        from = to;
        to = Math.min(from + batchSize, n);
    }

    // Fisher–Yates over the previous epoch's order: uniform, and one nextInt per swap.
    private void shuffle() {
        for (int i = order.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int tmp = order[i];
            order[i] = order[j];
            order[j] = tmp;
        }
    }

    /** The sample order of the current epoch; the batch is {@code indices()[from()..to())}. */
    public int[] indices() {
        return order;
    }

    public int from() {
        return from;
    }

    public int to() {
        return to;
    }
}
