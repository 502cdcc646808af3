package org.clsweep.jobs.sweep;

import java.io.Serializable;
import java.util.HashSet;
import java.util.Set;
import org.clsweep.data.spec.SpecException;

/**
 * Test-only faults, to exercise the sweep's failure handling. Switched on only by the JVM system
 * property {@value #PROPERTY} on the driver; no spec key or {@code --set} can reach it, so a sweep
 * cannot trip it by accident. When it is on, {@code run} prints a warning and the manifest
 * records the value under {@code fault_injection}. The value is a comma-separated list of:
 *
 * <pre>
 *   fail-seed=S      every run with seed S throws before it starts (→ a FAILED row)
 *   fail-cell=ID     every run of the cell with id ID throws before it starts
 *   fail-task-once   the first attempt of every Spark task throws after it returned its first row,
 *                    outside any run, so Spark fails the task and retries it (the master must
 *                    allow retries, e.g. local[2,2], or the sweep fails)
 *   delay-ms=N       every run first sleeps N milliseconds (keeps a small sweep busy long enough
 *                    to interrupt it)
 * </pre>
 *
 * @param text         the property's value, as given
 * @param failSeeds    seeds whose runs throw
 * @param failCells    cell ids whose runs throw
 * @param failTaskOnce whether the first attempt of every task fails
 * @param delayMs      sleep before every run, milliseconds
 */
public record FaultInjection(String text, Set<Long> failSeeds, Set<String> failCells, boolean failTaskOnce,
                             long delayMs) implements Serializable {
    /** The system property that switches faults on. */
    public static final String PROPERTY = "clsweep.test.faults";
    /** No faults: the only value production sweeps see. */
    public static final FaultInjection NONE = new FaultInjection(null, Set.of(), Set.of(), false, 0);

    public FaultInjection {
        failSeeds = Set.copyOf(failSeeds);
        failCells = Set.copyOf(failCells);
    }

    /** Thrown by an injected fault. */
    public static final class InjectedFault extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InjectedFault(String message) {
            super(message);
        }
    }

    /**
     * The faults the system property asks for, or {@link #NONE} when it is not set.
     *
     * @throws SpecException naming the property when its value is malformed
     */
    public static FaultInjection fromSystemProperty() {
        String v = System.getProperty(PROPERTY);
        return v == null || v.isBlank() ? NONE : parse(v);
    }

    /** @throws SpecException naming the property when the text is malformed */
    static FaultInjection parse(String text) {
        Set<Long> seeds = new HashSet<>();
        Set<String> cells = new HashSet<>();
        boolean taskOnce = false;
        long delay = 0;
        for (String item : text.split(",")) {
            String it = item.trim();
            int eq = it.indexOf('=');
            String key = eq < 0 ? it : it.substring(0, eq);
            String value = eq < 0 ? null : it.substring(eq + 1).trim();
            try {
                switch (key) {
                    case "fail-seed" -> seeds.add(Long.parseLong(required(value, it)));
                    case "fail-cell" -> cells.add(required(value, it));
                    case "fail-task-once" -> taskOnce = true;
                    case "delay-ms" -> delay = Long.parseLong(required(value, it));
                    default -> throw new IllegalArgumentException("unknown fault '" + it + "'");
                }
            } catch (IllegalArgumentException e) {
                throw new SpecException(PROPERTY, "-D" + PROPERTY + "=" + text + ": " + e.getMessage()
                        + "; expected fail-seed=S, fail-cell=ID, fail-task-once or delay-ms=N, comma-separated");
            }
        }
        if (delay < 0) {
            throw new SpecException(PROPERTY, "-D" + PROPERTY + "=" + text + ": delay-ms must be >= 0");
        }
        return new FaultInjection(text, seeds, cells, taskOnce, delay);
    }

    private static String required(String value, String item) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("'" + item + "' needs a value");
        }
        return value;
    }

    /** Whether any fault is on. */
    public boolean active() {
        return text != null;
    }

    /**
     * Called before each run, inside the run's failure capture: sleeps, then throws if the run is
     * to fail.
     */
    void beforeRun(String cellId, long seed) {
        if (delayMs > 0) {
            try {
                Thread.sleep(delayMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted during the injected delay", e);
            }
        }
        if (failSeeds.contains(seed) || failCells.contains(cellId)) {
            throw new InjectedFault("injected fault (" + PROPERTY + "=" + text + ") for cell " + cellId + ", seed "
                    + seed);
        }
    }

    /**
     * Called by a task each time it is asked for more rows, having returned {@code rowsSoFar};
     * throws to fail the task's first attempt once it has returned a row.
     */
    void onMoreRows(int taskAttempt, long rowsSoFar) {
        if (failTaskOnce && taskAttempt == 0 && rowsSoFar > 0) {
            throw new InjectedFault("injected task failure (" + PROPERTY + "=" + text + ") in task attempt 0");
        }
    }
}
