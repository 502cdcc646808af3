package org.clsweep.jobs.output;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import org.clsweep.data.experiment.RunStatus;
import org.clsweep.jobs.json.IndentedLayout;
import org.clsweep.jobs.json.JsonText;

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
 *                 default_parallelism (executors and hosts as seen when the attempt ended); and
 *                 when they apply: lease_broken, parts_repaired, lost_executors (a list of
 *                 {id, reason, time} of the executors the attempt lost; SweepDriver), datasets
 *                 (selection → SHA-256 of the data read; DataProvenance)
 *   cells, seeds, runs                        counts   {OK, DIVERGED, FAILED} → runs (0 while running)
 *   reused        runs whose result an earlier attempt committed and this one kept
 *   computed      runs this attempt simulated (0 while running)
 *   started_at, finished_at (ISO-8601 UTC, null while running), wall_ms, error (null unless ABORTED)
 *   fault_injection  null, or the test-only fault switch that was on
 *   history       the earlier attempts: attempt, status (RUNNING: it was killed), spec_hash,
 *                 code_version, started_at, finished_at, computed (runs it committed)
 *   spec          the resolved spec (the canonical sweep { … } tree), re-runnable as a spec file;
 *                 a long list of seeds is kept in a file beside it ({@link SeedFile})
 * </pre>
 *
 * The text has its members in alphabetical order, four spaces of indent per level and {@code " : "}
 * between name and value, and ends with a blank line; numbers keep the form of the spec's JSON
 * ({@code 1.0}, {@code 1.0E-4}).
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
 * @param spec        the resolved spec as JSON text ({@code SweepSpec.canonicalJson()})
 * @param attempt     this attempt's number, from 1
 * @param reused      runs kept from earlier attempts
 * @param computed    runs simulated by this attempt
 * @param history     the earlier attempts, oldest first
 * @param faults      the fault-injection switch, or null (the normal case)
 */
public record Manifest(String sweep, String specHash, ManifestStatus status, String codeVersion,
                       Map<String, Object> environment, long cells, long seeds, Map<RunStatus, Long> counts,
                       Instant startedAt, Instant finishedAt, String error, String spec, int attempt, long reused,
                       long computed, List<Attempt> history, String faults) {
    /** The manifest format written by this code. */
    public static final int FORMAT = 2;
    /** The format before resumable sweeps: no attempt, reused, computed, history or fault_injection. */
    static final int FORMAT_1 = 1;
    private static final IndentedLayout LAYOUT = new IndentedLayout(4, " : ");

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

    /** This manifest with another text of the same spec (seeds written another way, {@link SeedFile}). */
    Manifest withSpec(String specJson) {
        return new Manifest(sweep, specHash, status, codeVersion, environment, cells, seeds, counts, startedAt,
                finishedAt, error, specJson, attempt, reused, computed, history, faults);
    }

    /** This manifest with a new status, counts, computed runs, environment, end time and error. */
    public Manifest finish(ManifestStatus newStatus, Map<RunStatus, Long> newCounts, long newComputed,
                           Map<String, Object> newEnvironment, Instant finished, String err) {
        return new Manifest(sweep, specHash, newStatus, codeVersion, newEnvironment, cells, seeds, newCounts,
                startedAt, finished, err, spec, attempt, reused, newComputed, history, faults);
    }

    /** The manifest as JSON text. */
    public String toJson() {
        Map<String, Object> m = new TreeMap<>();
        m.put("format", FORMAT);
        m.put("sweep", sweep);
        m.put("spec_hash", specHash);
        m.put("status", status.name());
        m.put("attempt", attempt);
        m.put("code_version", codeVersion);
        m.put("environment", new TreeMap<>(environment));
        m.put("cells", cells);
        m.put("seeds", seeds);
        m.put("runs", runs());
        Map<String, Object> c = new TreeMap<>();
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
            Map<String, Object> e = new TreeMap<>();
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
        m.put("spec", JsonText.read(spec));
        return JsonText.write(m, LAYOUT) + "\n";
    }

    /**
     * Parses {@link #toJson()} output whose spec may name a seed list kept beside it ({@link SeedFile}).
     *
     * @param read the text of a file beside the manifest, by name; throws IllegalArgumentException
     *             if it cannot be read
     * @throws IllegalArgumentException if the text is not a manifest or its seed list is unreadable
     */
    public static Manifest parse(String json, Function<String, String> read) {
        Manifest m = parse(json);
        return m.withSpec(SeedFile.join(m.spec(), read));
    }

    /** Whether a file beside the manifest is one of its seed lists. */
    public static boolean isSeedList(String name) {
        return SeedFile.isSeedFile(name);
    }

    /**
     * Parses {@link #toJson()} output (and format 1 manifests).
     *
     * @throws IllegalArgumentException if the text is not a manifest of a known format
     */
    public static Manifest parse(String json) {
        try {
            JsonNode c = JsonText.read(json);
            int format = integer(c, "format");
            if (format != FORMAT && format != FORMAT_1) {
                throw new IllegalArgumentException("manifest format " + format + " is not " + FORMAT_1 + " or "
                        + FORMAT);
            }
            JsonNode countsObject = member(c, "counts", JsonNode::isObject);
            Map<RunStatus, Long> counts = new EnumMap<>(RunStatus.class);
            for (RunStatus s : RunStatus.values()) {
                counts.put(s, whole(countsObject, s.name()));
            }
            Map<String, Object> env = JsonText.members(member(c, "environment", JsonNode::isObject));
            boolean v1 = format == FORMAT_1;
            List<Attempt> history = new ArrayList<>();
            if (!v1) {
                for (JsonNode e : member(c, "history", JsonNode::isArray)) {
                    history.add(new Attempt(integer(e, "attempt"), ManifestStatus.valueOf(text(e, "status")),
                            text(e, "spec_hash"), text(e, "code_version"), Instant.parse(text(e, "started_at")),
                            instantOrNull(e, "finished_at"), whole(e, "computed")));
                }
            }
            long runs = whole(c, "cells") * whole(c, "seeds");
            return new Manifest(text(c, "sweep"), text(c, "spec_hash"), ManifestStatus.valueOf(text(c, "status")),
                    text(c, "code_version"), env, whole(c, "cells"), whole(c, "seeds"), counts,
                    Instant.parse(text(c, "started_at")), instantOrNull(c, "finished_at"), textOrNull(c, "error"),
                    JsonText.compact(member(c, "spec", JsonNode::isObject)), v1 ? 1 : integer(c, "attempt"),
                    v1 ? 0 : whole(c, "reused"),
                    v1 ? (text(c, "status").equals(ManifestStatus.COMPLETE.name()) ? runs : 0) : whole(c, "computed"),
                    history, v1 ? null : textOrNull(c, "fault_injection"));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new IllegalArgumentException("not a clsweep manifest: " + e.getMessage(), e);
        }
    }

    /** The member {@code name} of {@code object}, which must exist and pass {@code type}. */
    private static JsonNode member(JsonNode object, String name, Predicate<JsonNode> type) {
        JsonNode v = object.get(name);
        if (v == null) {
            throw new IllegalArgumentException("no member " + name);
        }
        if (!type.test(v)) {
            throw new IllegalArgumentException("member " + name + " is "
                    + v.getNodeType().name().toLowerCase(Locale.ROOT));
        }
        return v;
    }

    private static int integer(JsonNode object, String name) {
        return member(object, name, v -> v.isIntegralNumber() && v.canConvertToInt()).intValue();
    }

    private static long whole(JsonNode object, String name) {
        return member(object, name, v -> v.isIntegralNumber() && v.canConvertToLong()).longValue();
    }

    private static String text(JsonNode object, String name) {
        return member(object, name, JsonNode::isTextual).textValue();
    }

    private static String textOrNull(JsonNode object, String name) {
        return member(object, name, v -> v.isTextual() || v.isNull()).textValue();
    }

    private static Instant instantOrNull(JsonNode object, String name) {
        String s = textOrNull(object, name);
        return s == null ? null : Instant.parse(s);
    }
}
