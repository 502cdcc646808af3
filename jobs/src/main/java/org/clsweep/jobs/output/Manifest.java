package org.clsweep.jobs.output;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigSyntax;
import com.typesafe.config.ConfigValueFactory;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clsweep.data.experiment.RunStatus;

/**
 * {@code OUT/manifest.json}: what an output directory holds and how it was made.
 *
 * <pre>
 *   format        2 (format 1, written before resumable sweeps, is still read)
 *   sweep         sweep name                 spec_hash   SHA-256 of the canonical spec
 *   status        RUNNING | COMPLETE | ABORTED
 *   attempt       1 for the first invocation of the sweep in this directory, +1 for each later one
 *   code_version  clsweep version (+ git description when built from a checkout)
 *   environment   java, java_vendor, os, spark, scala, ejml, git, master, executors, hosts,
 *                 default_parallelism (executors and hosts as seen when the attempt ended)
 *   cells, seeds, runs                        counts   {OK, DIVERGED, FAILED} → runs (0 while running)
 *   reused        runs whose result an earlier attempt committed and this one kept
 *   computed      runs this attempt simulated (0 while running)
 *   started_at, finished_at (ISO-8601 UTC, null while running), wall_ms, error (null unless ABORTED)
 *   fault_injection  null, or the test-only fault switch that was on
 *   history       the earlier attempts: attempt, status (RUNNING: it was killed), spec_hash,
 *                 code_version, started_at, finished_at, computed (runs it committed)
 *   spec          the resolved spec (the canonical sweep { … } tree), re-runnable as a spec file
 * </pre>
 *
 * @param sweep       the sweep name
 * @param specHash    the spec hash
 * @param status      the directory's state
 * @param codeVersion the code version
 * @param environment provenance: versions, master, executor and host counts
 * @param cells       grid cells
 * @param seeds       seeds per cell
 * @param counts      runs per status (empty while running)
 * @param startedAt   when this attempt started
 * @param finishedAt  when it finished, or null
 * @param error       why it aborted, or null
 * @param spec        the resolved spec
 * @param attempt     this attempt's number, from 1
 * @param reused      runs kept from earlier attempts
 * @param computed    runs simulated by this attempt
 * @param history     the earlier attempts, oldest first
 * @param faults      the fault-injection switch, or null (the normal case)
 */
public record Manifest(String sweep, String specHash, ManifestStatus status, String codeVersion,
                       Map<String, Object> environment, long cells, long seeds, Map<RunStatus, Long> counts,
                       Instant startedAt, Instant finishedAt, String error, Config spec, int attempt, long reused,
                       long computed, List<Attempt> history, String faults) {
    /** The manifest format written by this code. */
    public static final int FORMAT = 2;
    /** The format before resumable sweeps: no attempt, reused, computed, history or fault_injection. */
    static final int FORMAT_1 = 1;

    /**
     * One earlier attempt of the sweep in this directory.
     *
     * @param number      its attempt number
     * @param status      how it ended: COMPLETE, ABORTED, or RUNNING when it was killed
     * @param specHash    the spec it ran
     * @param codeVersion the code that ran it
     * @param startedAt   when it started
     * @param finishedAt  when it finished, or null when it was killed
     * @param computed    runs it committed
     */
    public record Attempt(int number, ManifestStatus status, String specHash, String codeVersion, Instant startedAt,
                          Instant finishedAt, long computed) {
    }

    public Manifest {
        environment = Map.copyOf(environment);
        counts = counts.isEmpty() ? Map.of() : new EnumMap<>(counts);
        history = List.copyOf(history);
    }

    /** runs = cells × seeds. */
    public long runs() {
        return cells * seeds;
    }

    /** Runs with this status (0 when not counted). */
    public long count(RunStatus s) {
        return counts.getOrDefault(s, 0L);
    }

    /** This manifest's attempt, as a history entry of the next one. */
    public Attempt asAttempt(long committed) {
        return new Attempt(attempt, status, specHash, codeVersion, startedAt, finishedAt, committed);
    }

    /** This manifest with a new status, counts, computed runs, environment, end time and error. */
    public Manifest finish(ManifestStatus newStatus, Map<RunStatus, Long> newCounts, long newComputed,
                           Map<String, Object> newEnvironment, Instant finished, String err) {
        return new Manifest(sweep, specHash, newStatus, codeVersion, newEnvironment, cells, seeds, newCounts,
                startedAt, finished, err, spec, attempt, reused, newComputed, history, faults);
    }

    /** Pretty-printed JSON. */
    public String toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", FORMAT);
        m.put("sweep", sweep);
        m.put("spec_hash", specHash);
        m.put("status", status.name());
        m.put("attempt", attempt);
        m.put("code_version", codeVersion);
        m.put("environment", environment);
        m.put("cells", cells);
        m.put("seeds", seeds);
        m.put("runs", runs());
        Map<String, Object> c = new LinkedHashMap<>();
        for (RunStatus s : RunStatus.values()) {
            c.put(s.name(), count(s));
        }
        m.put("counts", c);
        m.put("reused", reused);
        m.put("computed", computed);
        m.put("started_at", startedAt.toString());
        m.put("finished_at", finishedAt == null ? null : finishedAt.toString());
        m.put("wall_ms", finishedAt == null ? null : finishedAt.toEpochMilli() - startedAt.toEpochMilli());
        m.put("error", error);
        m.put("fault_injection", faults);
        List<Object> h = new ArrayList<>();
        for (Attempt a : history) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("attempt", a.number());
            e.put("status", a.status().name());
            e.put("spec_hash", a.specHash());
            e.put("code_version", a.codeVersion());
            e.put("started_at", a.startedAt().toString());
            e.put("finished_at", a.finishedAt() == null ? null : a.finishedAt().toString());
            e.put("computed", a.computed());
            h.add(e);
        }
        m.put("history", h);
        m.put("spec", spec.root());
        return ConfigValueFactory.fromMap(m).render(ConfigRenderOptions.concise().setFormatted(true)) + "\n";
    }

    /**
     * Parses {@link #toJson()} output (and format 1 manifests).
     *
     * @throws IllegalArgumentException if the text is not a manifest of a known format
     */
    /** The resolved spec as concise JSON, parseable as a spec file. */
    public String specJson() {
        return spec.root().render(ConfigRenderOptions.concise());
    }

    public static Manifest parse(String json) {
        try {
            Config c = ConfigFactory.parseString(json, ConfigParseOptions.defaults().setSyntax(ConfigSyntax.JSON));
            int format = c.getInt("format");
            if (format != FORMAT && format != FORMAT_1) {
                throw new IllegalArgumentException("manifest format " + format + " is not " + FORMAT_1 + " or "
                        + FORMAT);
            }
            Map<RunStatus, Long> counts = new EnumMap<>(RunStatus.class);
            for (RunStatus s : RunStatus.values()) {
                counts.put(s, c.getLong("counts." + s.name()));
            }
            Map<String, Object> env = new LinkedHashMap<>(c.getObject("environment").unwrapped());
            boolean v1 = format == FORMAT_1;
            List<Attempt> history = new ArrayList<>();
            if (!v1) {
                for (Config e : c.getConfigList("history")) {
                    history.add(new Attempt(e.getInt("attempt"), ManifestStatus.valueOf(e.getString("status")),
                            e.getString("spec_hash"), e.getString("code_version"),
                            Instant.parse(e.getString("started_at")), instantOrNull(e, "finished_at"),
                            e.getLong("computed")));
                }
            }
            long runs = c.getLong("cells") * c.getLong("seeds");
            return new Manifest(c.getString("sweep"), c.getString("spec_hash"),
                    ManifestStatus.valueOf(c.getString("status")), c.getString("code_version"), env,
                    c.getLong("cells"), c.getLong("seeds"), counts, Instant.parse(c.getString("started_at")),
                    instantOrNull(c, "finished_at"), c.getIsNull("error") ? null : c.getString("error"),
                    c.getConfig("spec"), v1 ? 1 : c.getInt("attempt"), v1 ? 0 : c.getLong("reused"),
                    v1 ? (c.getString("status").equals(ManifestStatus.COMPLETE.name()) ? runs : 0)
                            : c.getLong("computed"), history,
                    v1 || c.getIsNull("fault_injection") ? null : c.getString("fault_injection"));
        } catch (ConfigException | DateTimeParseException e) {
            throw new IllegalArgumentException("not a clsweep manifest: " + e.getMessage(), e);
        }
    }

    private static Instant instantOrNull(Config c, String key) {
        return c.getIsNull(key) ? null : Instant.parse(c.getString(key));
    }
}
