package org.clsweep.jobs.sweep;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Prints a sweep's progress from a daemon thread on the driver:
 * {@code [quickstart] 48/120 runs (40%), 0 failed, 0:12 elapsed, ETA 0:18}.
 * A line is printed when the count changed and at least {@code everyMs} passed, plus a final
 * line on {@link #close()}. The ETA extrapolates the mean time per finished run.
 */
public final class ProgressReporter implements AutoCloseable {
    private final String sweep;
    private final long total;
    private final LongSupplier done;
    private final LongSupplier failed;
    private final PrintWriter out;
    private final long everyMs;
    private final long startNanos;
    private final Thread thread;
    private volatile boolean running = true;
    private long lastPrinted = -1;

    /**
     * @param sweep   the sweep name
     * @param total   runs in the sweep
     * @param done    runs finished so far
     * @param failed  runs FAILED so far
     * @param out     where to print
     * @param everyMs least milliseconds between two lines
     */
    public ProgressReporter(String sweep, long total, LongSupplier done, LongSupplier failed, PrintWriter out,
                            long everyMs) {
        this.sweep = sweep;
        this.total = total;
        this.done = done;
        this.failed = failed;
        this.out = out;
        this.everyMs = everyMs;
        this.startNanos = System.nanoTime();
        this.thread = new Thread(this::loop, "clsweep-progress");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    private void loop() {
        while (running) {
            try {
                Thread.sleep(everyMs);
            } catch (InterruptedException e) {
                return;
            }
            if (running) {
                print(false);
            }
        }
    }

    private synchronized void print(boolean last) {
        long d = Math.min(done.getAsLong(), total);
        if (!last && d == lastPrinted) {
            return;
        }
        lastPrinted = d;
        long elapsedMs = (System.nanoTime() - startNanos) / 1_000_000L;
        StringBuilder sb = new StringBuilder();
        sb.append('[').append(sweep).append("] ").append(d).append('/').append(total).append(" runs (")
                .append(total == 0 ? 100 : d * 100 / total).append("%), ").append(failed.getAsLong())
                .append(" failed, ").append(clock(elapsedMs)).append(" elapsed");
        if (!last && d > 0 && d < total) {
            sb.append(", ETA ").append(clock(elapsedMs * (total - d) / d));
        }
        out.println(sb);
        out.flush();
    }

    /** Milliseconds as m:ss or h:mm:ss. */
    public static String clock(long ms) {
        long s = (ms + 500) / 1000;
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    /** Stops the thread and prints the final line. */
    @Override
    public void close() {
        running = false;
        thread.interrupt();
        print(true);
    }
}
