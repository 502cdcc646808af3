package org.clsweep.data.bench;

import java.lang.management.ManagementFactory;
import org.clsweep.dynamics.optima.CurvatureScope;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.clsweep.data.experiment.RunExecutor;
import org.clsweep.data.experiment.RunMetric;
import org.clsweep.data.experiment.RunResult;
import org.clsweep.data.experiment.RunStatus;
import org.clsweep.data.spec.AnalysisSpec;
import org.clsweep.data.spec.GeometryKind;
import org.clsweep.data.spec.GeometrySpec;
import org.clsweep.data.spec.ModelKind;
import org.clsweep.data.spec.NetSpec;
import org.clsweep.data.spec.ProbsKind;
import org.clsweep.data.spec.RunSpec;
import org.clsweep.data.spec.TokenSpec;
import org.clsweep.data.spec.TrainSpec;
import org.clsweep.dynamics.activation.Activation;
import org.clsweep.dynamics.objective.LossType;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One reference two-layer run (SCIENCE.md §3: K = 10, n = 20, P = 5, G = 40, L = 5,
 * aug_degree = 5, one-hot, β = 5, out = 50, BN with mean-backprop only, batch 128, τ = 0.1,
 * lr 0.02, wd 0.005, 5000 iterations, ReLU), end to end through {@link RunExecutor}: data,
 * training, trace every 250 iterations, metrics. Single-shot: each measured invocation is a whole
 * run, on one thread. Command and figures: BENCHMARKS.md, "Two-layer reference run".
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class TwoLayerRunBenchmark {

    @Param({"5000"})
    public int steps;

    @Param({"relu"})
    public String activation;

    static RunSpec reference(String activation, int steps) {
        return reference(activation, steps, 5, true, LossType.INFONCE);
    }

    /** The reference configuration with another β, BatchNorm setting or loss. */
    static RunSpec reference(String activation, int steps, int width, boolean batchnorm, LossType loss) {
        return new RunSpec(ModelKind.TWOLAYER, org.clsweep.data.spec.Mode.SGD, Activation.fromSpecName(activation), 0.05,
                width, new GeometrySpec(GeometryKind.ORTHOGONAL, 6, 16, 0.0, 0.1, 1.0, 1.0, ProbsKind.UNIFORM, 1.0),
                new TokenSpec(20, 10, 5, 40, 5, 5, 0, 1.0, List.of(), false), new NetSpec(50, batchnorm, true, false),
                new TrainSpec(loss, 0.1, 0.02, 0.9, 0.005, 128, steps, true, true, 1e-9, 250),
                new AnalysisSpec(0.95, 0.9999, 0, CurvatureScope.ALL));
    }

    /**
     * The benchmark thread's CPU time per run, beside JMH's wall time: on a shared machine the
     * wall time also counts the time other processes hold the core.
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class CpuTime {
        public double cpuSeconds;
    }

    @Benchmark
    public double referenceRun(CpuTime cpu) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long start = threads.getCurrentThreadCpuTime();
        RunResult r = RunExecutor.execute(reference(activation, steps), 1);
        cpu.cpuSeconds += (threads.getCurrentThreadCpuTime() - start) * 1e-9;
        if (r.status() != RunStatus.OK) {
            throw new IllegalStateException("reference run ended " + r.status() + ": " + r.error());
        }
        return r.metric(RunMetric.LOC_ALL);
    }
}
