package org.clsweep.jobs.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.clsweep.data.experiment.RunStatus;
import org.clsweep.jobs.grid.Cell;
import org.clsweep.jobs.grid.Grid;
import org.clsweep.jobs.output.Manifest;
import org.clsweep.jobs.output.OutputDirectory;
import org.clsweep.jobs.spec.SpecParser;
import org.clsweep.jobs.spec.SweepSpec;
import org.clsweep.jobs.sweep.RunFunction;
import org.clsweep.jobs.sweep.RunTask;
import org.clsweep.jobs.sweep.SparkSessions;
import org.clsweep.jobs.sweep.SweepDriver;
import org.clsweep.jobs.sweep.SweepPlan;
import org.clsweep.jobs.sweep.TaskLayout;
import org.ejml.concurrency.EjmlConcurrency;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * How a sweep scales with Spark's task slots, and what Spark costs over a plain loop. Each round
 * runs the same sweep four ways, in alternating order:
 *
 * <pre>
 *   loop ×1     RunExecutor.execute for every (cell, seed), in order, on one thread (no Spark)
 *   local[1]    the whole sweep (SweepDriver.run: simulate, write runs/optima/…, aggregate) on local[1]
 *   pool ×T     RunExecutor.execute, one job per run, on a pool of T threads (no Spark)
 *   local[T]    the whole sweep on local[T]
 *
 *   speed-up    = wall(local[1]) / wall(local[T])                 (goal ≥ 1.8 for T = 2)
 *   overhead    = wall(local[1]) / wall(loop ×1) − 1,  wall(local[T]) / wall(pool ×T) − 1   (goal ≤ 10 %)
 * </pre>
 * Starting the SparkSession is timed apart (a fixed cost per sweep, not per run). Every figure is
 * also given as process CPU time, because on a shared machine the wall time depends on the other
 * processes (the load average is printed with each measurement). A warm-up (every cell once without
 * Spark, then a one-seed sweep on local[T]) comes first, so the JIT has compiled the simulation and
 * Spark's write path before anything is measured. The report ends with the measured CPU cost per
 * cell (the cost model for sizing a sweep) and a replay of {@link TaskLayout}'s bins with those
 * costs ({@link LayoutAnalysis}).
 *
 * <p>Run with the command in BENCHMARKS.md ("Scaling"); the default sweep is the resource
 * {@value #DEFAULT_SPEC}.
 */
@Command(name = "scaling-benchmark", mixinStandardHelpOptions = true,
        description = "Runs one sweep on local[1], local[T] and as loops without Spark; prints throughput and overhead.")
public final class ScalingBenchmark implements Callable<Integer> {
    /** The default sweep, a classpath resource. */
    static final String DEFAULT_SPEC = "org/clsweep/jobs/bench/scaling.conf";

    @Option(names = "--spec", paramLabel = "FILE", description = "sweep spec (default: the bundled scaling.conf)")
    Path specFile;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "override a spec key, as for clsweep run")
    List<String> sets = new ArrayList<>();

    @Option(names = "--rounds", description = "measured rounds (default: ${DEFAULT-VALUE})")
    int rounds = 2;

    @Option(names = "--threads", description = "T: threads of the pool and of local[T] (default: ${DEFAULT-VALUE})")
    int threads = 2;

    private final PrintStream out = System.out;

    public static void main(String[] args) {
        System.exit(new CommandLine(new ScalingBenchmark()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (threads < 2 || rounds < 1) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--threads must be >= 2 and --rounds >= 1");
        }
        // as in SimulatePartition: one run, one thread, in every variant
        EjmlConcurrency.USE_CONCURRENT = false;
        SweepSpec spec = spec(List.of());
        List<Cell> cells = Grid.expand(spec);
        SweepPlan plan = new SweepPlan(spec.name(), spec.hash(), "benchmark", cells, RunFunction.EXECUTOR);
        List<RunTask> tasks = tasks(spec, cells);
        int n = tasks.size();
        String parallel = "local[" + threads + "]";
        printf("%s%n%d runs; Java %s; %d processors; %d round(s)%n%n", Grid.describe(spec), n,
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), rounds);

        printf("warm-up ...%n");
        SweepSpec oneSeed = spec(List.of(SpecParser.SEEDS + "=[" + spec.seeds().get(0) + "]"));
        RunLoop.sequential(plan, tasks(oneSeed, cells), new long[cells.size()]);
        sparkSweep(oneSeed, cells, parallel);

        List<Measurement> all = new ArrayList<>();
        List<SimulateStageListener.Summary> stages = new ArrayList<>();
        long[] cpuPerRun = new long[n];
        printf("%n%-5s %-10s %8s %7s %8s %10s %6s %11s   %s%n", "round", "variant", "wall s", "runs/s", "CPU s",
                "CPU ms/run", "cores", "load", "Spark: session start | simulate jobs: wall, CPU, slot use, idle at end | rest: wall, CPU");
        for (int r = 1; r <= rounds; r++) {
            List<String> order = new ArrayList<>(List.of("loop", "local[1]", "pool", parallel));
            if (r % 2 == 0) {
                java.util.Collections.reverse(order);
            }
            for (String variant : order) {
                Measurement m;
                String notes = "";
                switch (variant) {
                    case "loop" -> {
                        Measurement.Clock c = Measurement.start();
                        int ok = RunLoop.sequential(plan, tasks, cpuPerRun);
                        m = c.stop("loop x1", n);
                        checkOk(ok, n, m.label());
                    }
                    case "pool" -> {
                        Measurement.Clock c = Measurement.start();
                        int ok = RunLoop.pooled(plan, tasks, threads);
                        m = c.stop("pool x" + threads, n);
                        checkOk(ok, n, m.label());
                    }
                    default -> {
                        SparkRun s = sparkSweep(spec, cells, variant);
                        m = s.sweep();
                        stages.add(s.stage());
                        SimulateStageListener.Summary st = s.stage();
                        notes = String.format(Locale.ROOT, "%.1f s | %.2f s, %.2f s, %.3f, %.2f s | %.2f s, %.2f s",
                                s.start().wallSeconds(), st.spanMs() * 1e-3, st.processCpuNanos() * 1e-9,
                                st.utilisation(), st.endIdleMs() * 1e-3, m.wallSeconds() - st.spanMs() * 1e-3,
                                m.cpuSeconds() - st.processCpuNanos() * 1e-9);
                    }
                }
                all.add(m);
                printf("%-5d %-10s %8.2f %7.2f %8.2f %10.1f %6.2f %5.2f→%5.2f   %s%n", r, m.label(), m.wallSeconds(),
                        m.runsPerSecond(), m.cpuSeconds(), m.cpuMillisPerRun(), m.coresUsed(), m.loadBefore(),
                        m.loadAfter(), notes);
            }
        }

        printf("%nper round: speed-up = wall local[1] / wall %s; overhead = Spark / loop − 1, as wall | process CPU,"
                + " of the whole sweep and of its simulate jobs alone%n", parallel);
        for (int r = 0; r < rounds; r++) {
            Measurement loop = find(all, r, "loop x1");
            Measurement pool = find(all, r, "pool x" + threads);
            Measurement one = find(all, r, "local[1]");
            Measurement par = find(all, r, parallel);
            SimulateStageListener.Summary oneStage = stageOf(stages, r, 1, threads);
            SimulateStageListener.Summary parStage = stageOf(stages, r, threads, threads);
            printf("round %d: speed-up %.2f (pool/loop %.2f); overhead local[1] %+.0f %% | %+.0f %%, simulate %+.0f %% |"
                            + " %+.0f %%; %s %+.0f %% | %+.0f %%, simulate %+.0f %% | %+.0f %%%n",
                    r + 1, one.wallSeconds() / par.wallSeconds(), loop.wallSeconds() / pool.wallSeconds(),
                    pct(one.wallNanos(), loop.wallNanos()), pct(one.cpuNanos(), loop.cpuNanos()),
                    pct(oneStage.spanMs() * 1_000_000L, loop.wallNanos()), pct(oneStage.processCpuNanos(),
                            loop.cpuNanos()),
                    parallel, pct(par.wallNanos(), pool.wallNanos()), pct(par.cpuNanos(), pool.cpuNanos()),
                    pct(parStage.spanMs() * 1_000_000L, pool.wallNanos()), pct(parStage.processCpuNanos(),
                            pool.cpuNanos()));
        }

        printf("%ncost model: CPU per run by cell (single-thread loop, last round); estimate = TaskLayout.cost"
                + " scaled to the same total%n");
        costModel(plan, cells, tasks, cpuPerRun);
        printf("%n");
        for (String line : LayoutAnalysis.report(plan, tasks, cpuPerRun, threads)) {
            printf("%s%n", line);
        }
        SimulateStageListener.Summary last = stageOf(stages, rounds - 1, threads, threads);
        long[] bins = last.cpuByPartition().clone();
        Arrays.sort(bins);
        printf("%s, last round: %d tasks, task CPU min/median/max %.0f / %.0f / %.0f ms%n", parallel, last.tasks(),
                bins[0] * 1e-6, bins[bins.length / 2] * 1e-6, bins[bins.length - 1] * 1e-6);
        return 0;
    }

    /** The spec with the command line's overrides, then {@code extra}. */
    private SweepSpec spec(List<String> extra) throws IOException {
        List<String> overrides = new ArrayList<>(sets);
        overrides.addAll(extra);
        if (specFile != null) {
            return SpecParser.parseFile(specFile, overrides);
        }
        try (InputStream in = ScalingBenchmark.class.getClassLoader().getResourceAsStream(DEFAULT_SPEC)) {
            if (in == null) {
                throw new IllegalStateException("resource " + DEFAULT_SPEC + " is not on the class path");
            }
            return SpecParser.parseString(new String(in.readAllBytes(), StandardCharsets.UTF_8), DEFAULT_SPEC,
                    overrides);
        }
    }

    /** Every (cell, seed) in the order the sweep driver lists them. */
    private static List<RunTask> tasks(SweepSpec spec, List<Cell> cells) {
        List<RunTask> tasks = new ArrayList<>();
        for (Cell c : cells) {
            for (long seed : spec.seeds()) {
                tasks.add(RunTask.from(c, seed));
            }
        }
        return tasks;
    }

    /** A Spark sweep as a user runs it, into a temporary directory that is deleted afterwards. */
    private SparkRun sparkSweep(SweepSpec spec, List<Cell> cells, String master) throws IOException {
        Path tmp = Files.createTempDirectory("clsweep-scaling");
        int runs = cells.size() * spec.seeds().size();
        try {
            Measurement.Clock c0 = Measurement.start();
            SparkSession spark = SparkSessions.create(master, "clsweep scaling benchmark");
            Measurement start = c0.stop("start " + master, 0);
            SimulateStageListener listener = new SimulateStageListener(Grid.describe(spec));
            spark.sparkContext().addSparkListener(listener);
            int slots = spark.sparkContext().defaultParallelism();
            Measurement sweep;
            try (OutputDirectory dir = OutputDirectory.open(tmp.resolve(spec.name()).toString(),
                    spark.sparkContext().hadoopConfiguration())) {
                dir.inspect(spec);
                Measurement.Clock c = Measurement.start();
                Manifest m = SweepDriver.run(spark, spec, cells, dir, RunFunction.EXECUTOR, null);
                sweep = c.stop(master, runs);
                checkOk((int) m.count(RunStatus.OK), runs, master);
            } finally {
                spark.stop();
            }
            return new SparkRun(start, sweep, listener.summary(slots));
        } finally {
            delete(tmp);
        }
    }

    private void costModel(SweepPlan plan, List<Cell> cells, List<RunTask> tasks, long[] cpuPerRun) {
        double[] sum = new double[cells.size()];
        double[] min = new double[cells.size()];
        double[] max = new double[cells.size()];
        int[] count = new int[cells.size()];
        Arrays.fill(min, Double.MAX_VALUE);
        double total = 0;
        double totalEstimate = 0;
        for (int i = 0; i < tasks.size(); i++) {
            int cell = tasks.get(i).getCellIndex();
            double ms = cpuPerRun[i] * 1e-6;
            sum[cell] += ms;
            min[cell] = Math.min(min[cell], ms);
            max[cell] = Math.max(max[cell], ms);
            count[cell]++;
            total += ms;
            totalEstimate += TaskLayout.cost(plan.spec(cell));
        }
        double scale = total / totalEstimate;
        printf("  %-50s %5s %9s %9s %9s %9s %9s%n", "cell", "runs", "mean ms", "min ms", "max ms", "estimate",
                "mean/est");
        List<Integer> order = new ArrayList<>();
        for (int c = 0; c < cells.size(); c++) {
            order.add(c);
        }
        order.sort(Comparator.comparingDouble(c -> -sum[c] / count[c]));
        for (int c : order) {
            double mean = sum[c] / count[c];
            double estimate = TaskLayout.cost(plan.spec(c)) * scale;
            printf("  %-50s %5d %9.1f %9.1f %9.1f %9.1f %9.2f%n", cells.get(c).label(), count[c], mean, min[c],
                    max[c], estimate, mean / estimate);
        }
        printf("  all: %d runs, %.1f ms CPU per run on average, %.1f s in all%n", tasks.size(),
                total / tasks.size(), total * 1e-3);
    }

    private static SimulateStageListener.Summary stageOf(List<SimulateStageListener.Summary> stages, int round,
                                                         int slots, int threads) {
        // stages are recorded two per round (local[1] and local[T]) in the order they ran
        for (int i = 2 * round; i < 2 * round + 2; i++) {
            if (stages.get(i).slots() == slots) {
                return stages.get(i);
            }
        }
        throw new IllegalStateException("no local[" + slots + "] sweep in round " + (round + 1) + " (T = "
                + threads + ")");
    }

    private static Measurement find(List<Measurement> all, int round, String label) {
        // four measurements per round
        for (int i = 4 * round; i < 4 * round + 4; i++) {
            if (all.get(i).label().equals(label)) {
                return all.get(i);
            }
        }
        throw new IllegalStateException("no " + label + " in round " + (round + 1));
    }

    private static double pct(long spark, long loop) {
        return 100.0 * ((double) spark / loop - 1.0);
    }

    private static void checkOk(int ok, int runs, String variant) {
        if (ok != runs) {
            throw new IllegalStateException(variant + ": " + ok + " of " + runs + " runs OK; the benchmark needs all");
        }
    }

    private void printf(String format, Object... args) {
        out.printf(Locale.ROOT, format, args);
        out.flush();
    }

    private static void delete(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("deleting " + root, e);
        }
    }

    /** The measurements of one Spark sweep. */
    private record SparkRun(Measurement start, Measurement sweep, SimulateStageListener.Summary stage) {
    }
}
