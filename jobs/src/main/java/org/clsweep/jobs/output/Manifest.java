package org.clsweep.jobs.output;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigSyntax;
import com.typesafe.config.ConfigValueFactory;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.clsweep.data.experiment.RunStatus;

/**
 * {@code OUT/manifest.json}: what an output directory holds and how it was made.
 *
 * <pre>
 *   format        1
 *   sweep         sweep name                 spec_hash   SHA-256 of the canonical spec
 *   status        RUNNING | COMPLETE | ABORTED
 *   code_version  clsweep version (+ git description when built from a checkout)
 *   environment   java, java_vendor, os, spark, scala, ejml, master, executors
 *   cells, seeds, runs                        counts   {OK, DIVERGED, FAILED} → runs
 *   started_at, finished_at (ISO-8601 UTC, null while running), wall_ms, error (null unless ABORTED)
 *   spec          the resolved spec (the canonical sweep { … } tree), re-runnable as a spec file
 * </pre>
 *
 * @param sweep       the sweep name
 * @param specHash    the spec hash
 * @param status      the directory's state
 * @param codeVersion the code version
 * @param environment provenance: versions, master, executor count
 * @param cells       grid cells
 * @param seeds       seeds per cell
 * @param counts      runs per status (empty while running)
 * @param startedAt   when the sweep started
 * @param finishedAt  when it finished, or null
 * @param error       why it aborted, or null
 * @param spec        the resolved spec
 */
public record Manifest(String sweep, String specHash, ManifestStatus status, String codeVersion,
                       Map<String, Object> environment, long cells, long seeds, Map<RunStatus, Long> counts,
                       Instant startedAt, Instant finishedAt, String error, Config spec) {
    /** The manifest format written by this code. */
    public static final int FORMAT = 1;

    public Manifest {
        environment = Map.copyOf(environment);
        counts = counts.isEmpty() ? Map.of() : new EnumMap<>(counts);
    }

    /** runs = cells × seeds. */
    public long runs() {
        return cells * seeds;
    }

    /** Runs with this status (0 when not counted). */
    public long count(RunStatus s) {
        return counts.getOrDefault(s, 0L);
    }

    /** This manifest with a new status, counts, end time and error. */
    public Manifest finish(ManifestStatus newStatus, Map<RunStatus, Long> newCounts, Instant finished, String err) {
        return new Manifest(sweep, specHash, newStatus, codeVersion, environment, cells, seeds, newCounts, startedAt,
                finished, err, spec);
    }

    /** Pretty-printed JSON. */
    public String toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", FORMAT);
        m.put("sweep", sweep);
        m.put("spec_hash", specHash);
        m.put("status", status.name());
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
        m.put("started_at", startedAt.toString());
        m.put("finished_at", finishedAt == null ? null : finishedAt.toString());
        m.put("wall_ms", finishedAt == null ? null : finishedAt.toEpochMilli() - startedAt.toEpochMilli());
        m.put("error", error);
        m.put("spec", spec.root());
        return ConfigValueFactory.fromMap(m).render(ConfigRenderOptions.concise().setFormatted(true)) + "\n";
    }

    /**
     * Parses {@link #toJson()} output.
     *
     * @throws IllegalArgumentException if the text is not a manifest of a known format
     */
    public static Manifest parse(String json) {
        try {
            Config c = ConfigFactory.parseString(json, ConfigParseOptions.defaults().setSyntax(ConfigSyntax.JSON));
            if (c.getInt("format") != FORMAT) {
                throw new IllegalArgumentException("manifest format " + c.getInt("format") + " is not " + FORMAT);
            }
            Map<RunStatus, Long> counts = new EnumMap<>(RunStatus.class);
            for (RunStatus s : RunStatus.values()) {
                counts.put(s, c.getLong("counts." + s.name()));
            }
            Map<String, Object> env = new LinkedHashMap<>(c.getObject("environment").unwrapped());
            return new Manifest(c.getString("sweep"), c.getString("spec_hash"),
                    ManifestStatus.valueOf(c.getString("status")), c.getString("code_version"), env,
                    c.getLong("cells"), c.getLong("seeds"), counts, Instant.parse(c.getString("started_at")),
                    c.getIsNull("finished_at") ? null : Instant.parse(c.getString("finished_at")),
                    c.getIsNull("error") ? null : c.getString("error"), c.getConfig("spec"));
        } catch (ConfigException | java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("not a clsweep manifest: " + e.getMessage(), e);
        }
    }
}
