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
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.clsweep.jobs.cli.SparkSessions;
import org.clsweep.data.experiment.RunStatus;
import org.clsweep.jobs.grid.Cell;
import org.clsweep.jobs.grid.Grid;
import org.clsweep.jobs.output.Manifest;
import org.clsweep.jobs.output.OutputDirectory;
import org.clsweep.jobs.spec.SpecParser;
import org.clsweep.jobs.spec.SweepSpec;
import org.clsweep.jobs.sweep.FaultInjection;
import org.clsweep.jobs.sweep.RunFunction;
import org.clsweep.jobs.sweep.RunTask;
import org.clsweep.jobs.sweep.SweepDriver;
import org.clsweep.jobs.sweep.SweepOptions;
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
    private static final String LOOP = "loop";
    private static final String POOL = "pool";

    /** Goal: runs per second of local[2] over local[1]. */
    static final double GOAL_SPEED_UP = 1.8;
    /** Goal: Spark's wall-clock overhead over the loop without Spark. */
    static final double GOAL_OVERHEAD = 0.10;

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
        SweepPlan plan = new SweepPlan(spec.name(), spec.hash(), "benchmark", cells, RunFunction.EXECUTOR,
                FaultInjection.NONE);
        List<RunTask> tasks = tasks(spec, cells);
        int n = tasks.size();
        String parallel = "local[" + threads + "]";
        printf("%s%n%d runs; Java %s; %d processors; %d round(s)%n%n", Grid.describe(spec), n,
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), rounds);

        printf("warm-up ...%n");
        SweepSpec oneSeed = spec(List.of(SpecParser.SEEDS + "=[" + spec.seeds().get(0) + "]"));
        RunLoop.sequential(plan, tasks(oneSeed, cells), new long[cells.size()]);
        sparkSweep(oneSeed, cells, parallel);

        List<RoundFigures> figures = new ArrayList<>();
        long[] cpuPerRun = new long[n];
        printf("%n%-5s %-10s %8s %7s %8s %10s %6s %11s   %s%n", "round", "variant", "wall s", "runs/s", "CPU s",
                "CPU ms/run", "cores", "load", "Spark: session start | simulate jobs: wall, CPU, slot use, idle at"
                        + " end | rest: wall, CPU");
        for (int r = 1; r <= rounds; r++) {
            List<String> order = new ArrayList<>(List.of(LOOP, "local[1]", POOL, parallel));
            if (r % 2 == 0) {
                Collections.reverse(order);
            }
            Measurement loop = null;
            Measurement pool = null;
            SparkRun one = null;
            SparkRun par = null;
            for (String variant : order) {
                Measurement m;
                String notes = "";
                if (variant.equals(LOOP)) {
                    Measurement.Clock c = Measurement.start();
                    int ok = RunLoop.sequential(plan, tasks, cpuPerRun);
                    m = c.stop("loop x1", n);
                    checkOk(ok, n, m.label());
                    loop = m;
                } else if (variant.equals(POOL)) {
                    Measurement.Clock c = Measurement.start();
                    int ok = RunLoop.pooled(plan, tasks, threads);
                    m = c.stop("pool x" + threads, n);
                    checkOk(ok, n, m.label());
                    pool = m;
                } else {
                    SparkRun s = sparkSweep(spec, cells, variant);
                    m = s.sweep();
                    SimulateStageListener.Summary st = s.stage();
                    notes = String.format(Locale.ROOT, "%.1f s | %.2f s, %.2f s, %.3f, %.2f s | %.2f s, %.2f s",
                            s.start().wallSeconds(), st.spanMs() * 1e-3, st.processCpuNanos() * 1e-9,
                            st.utilisation(), st.endIdleMs() * 1e-3, s.restWallSeconds(), s.restCpuSeconds());
                    if (variant.equals(parallel)) {
                        par = s;
                    } else {
                        one = s;
                    }
                }
                printf("%-5d %-10s %8.2f %7.2f %8.2f %10.1f %6.2f %5.2f→%5.2f   %s%n", r, m.label(), m.wallSeconds(),
                        m.runsPerSecond(), m.cpuSeconds(), m.cpuMillisPerRun(), m.coresUsed(), m.loadBefore(),
                        m.loadAfter(), notes);
            }
            figures.add(new RoundFigures(loop, sum(cpuPerRun), pool, one, par, threads));
        }

        printf("%nspeed-up = local[1] / %s; overhead = Spark / loop − 1 (wall | process CPU): the whole sweep,"
                + " its simulate jobs alone, and Σ task CPU / Σ run CPU; projection for %d idle cores%n", parallel,
                threads);
        for (int r = 0; r < rounds; r++) {
            RoundFigures f = figures.get(r);
            printFigures("round " + (r + 1), metric -> metric.applyAsDouble(f));
        }
        if (rounds > 1) {
            printFigures("median", metric -> median(figures, metric));
        }
        printGoals(metric -> median(figures, metric));

        printf("%ncost model: CPU per run by cell (single-thread loop, last round); estimate = TaskLayout.cost"
                + " scaled to the same total%n");
        costModel(plan, cells, tasks, cpuPerRun);
        printf("%n");
        for (String line : LayoutAnalysis.report(plan, tasks, cpuPerRun, threads)) {
            printf("%s%n", line);
        }
        SimulateStageListener.Summary last = figures.get(rounds - 1).par().stage();
        long[] bins = last.taskCpuNanos().clone();
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
                Manifest m = SweepDriver.run(spark, spec, cells, dir,
                        new SweepOptions(RunFunction.EXECUTOR, FaultInjection.NONE, false), null);
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
            int cell = tasks.get(i).cellIndex();
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

    private static void checkOk(int ok, int runs, String variant) {
        if (ok != runs) {
            throw new IllegalStateException(variant + ": " + ok + " of " + runs + " runs OK; the benchmark needs all");
        }
    }

    /**
     * One line of figures.
     *
     * @param value the value of a figure, e.g. of one round or the median over rounds
     */
    private void printFigures(String label, Function<ToDoubleFunction<RoundFigures>, Double> value) {
        String t = "local[" + threads + "]";
        printf("%-8s whole sweep    speed-up %4.2f (pool/loop %4.2f)   overhead local[1] %+6.1f %% | %+6.1f %%, %s %+6.1f %%"
                        + " | %+6.1f %%%n", label, value.apply(RoundFigures::speedUp),
                value.apply(RoundFigures::poolSpeedUp), 100 * value.apply(RoundFigures::overheadWall1),
                100 * value.apply(RoundFigures::overheadCpu1), t, 100 * value.apply(RoundFigures::overheadWallT),
                100 * value.apply(RoundFigures::overheadCpuT));
        printf("%-8s simulate jobs                                   overhead local[1] %+6.1f %% | %+6.1f %%, %s %+6.1f %%"
                        + " | %+6.1f %%%n", "", 100 * value.apply(RoundFigures::simulateOverheadWall1),
                100 * value.apply(RoundFigures::simulateOverheadCpu1), t,
                100 * value.apply(RoundFigures::simulateOverheadWallT),
                100 * value.apply(RoundFigures::simulateOverheadCpuT));
        printf("%-8s per run (Σ task CPU / Σ run CPU)                overhead local[1] %+6.1f %%,            %s %+6.1f %%%n",
                "", 100 * value.apply(RoundFigures::taskOverhead1), t, 100 * value.apply(RoundFigures::taskOverheadT));
        printf("%-8s projected      speed-up %4.2f                    overhead local[1] %+6.1f %%,            %s %+6.1f %%%n",
                "", value.apply(RoundFigures::projectedSpeedUp), 100 * value.apply(RoundFigures::projectedOverhead1),
                t, 100 * value.apply(RoundFigures::projectedOverheadT));
    }

    /** The goals, judged on the median over rounds of wall-clock figures. */
    private void printGoals(Function<ToDoubleFunction<RoundFigures>, Double> value) {
        double speedUp = value.apply(RoundFigures::speedUp);
        double over1 = value.apply(RoundFigures::overheadWall1);
        double overT = value.apply(RoundFigures::overheadWallT);
        printf("%ngoals (median over rounds, wall clock): speed-up local[%d] / local[1] %.2f (goal >= %.1f: %s);"
                        + " overhead local[1] / loop %+.1f %% and local[%d] / pool %+.1f %% (goal <= %.0f %%: %s)%n",
                threads, speedUp, GOAL_SPEED_UP, speedUp >= GOAL_SPEED_UP ? "met" : "NOT met", 100 * over1, threads,
                100 * overT, 100 * GOAL_OVERHEAD, Math.max(over1, overT) <= GOAL_OVERHEAD ? "met" : "NOT met");
    }

    private static double median(List<RoundFigures> figures, ToDoubleFunction<RoundFigures> metric) {
        double[] v = new double[figures.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = metric.applyAsDouble(figures.get(i));
        }
        Arrays.sort(v);
        int m = v.length / 2;
        return v.length % 2 == 1 ? v[m] : 0.5 * (v[m - 1] + v[m]);
    }

    private static long sum(long[] v) {
        long s = 0;
        for (long x : v) {
            s += x;
        }
        return s;
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
}
