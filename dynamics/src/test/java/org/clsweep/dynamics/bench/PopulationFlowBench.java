package org.clsweep.dynamics.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.clsweep.dynamics.activation.Activation;
import org.clsweep.dynamics.activation.ActivationFunction;
import org.clsweep.dynamics.model.PatternMixture;
import org.clsweep.dynamics.model.PopulationObjective;
import org.clsweep.dynamics.trainer.PopulationFlow;
import org.ejml.data.DMatrixRMaj;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Throughput of the one-layer population flow in node-steps per second: one invocation is one
 * {@link PopulationFlow#step} of {@value #NODES} nodes, counted as {@value #NODES} operations.
 *
 * <pre>
 *   L = 8 orthogonal patterns in R^d (d = 32), magnitudes 1 → 0.5, uniform π, σ = 0.1
 *   W₀ uniform on the sphere (seeded), η = 0.5; the flow runs on from wherever the previous
 *   iteration left it, so most measured steps are near convergence (the realistic case)
 * </pre>
 * Run with the command in BENCHMARKS.md ("One-layer population flow"). JMH reports wall-clock
 * throughput; on a shared machine {@link PopulationFlowCpuRate} gives the same figure per CPU-second.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PopulationFlowBench {
    static final int NODES = 64;
    private static final int PATTERNS = 8;

    @Param({"32"})
    public int dim;

    @Param({"relu"})
    public String activation;

    @Param({"0.1"})
    public double noise;

    private PopulationFlow flow;
    private int t;

    @Setup(Level.Trial)
    public void setUp() {
        flow = flow(dim, activation, noise);
    }

    /** The benchmark's flow: {@value #NODES} nodes, L = 8 orthogonal patterns in R^dim, η = 0.5. */
    static PopulationFlow flow(int dim, String activation, double noise) {
        double[][] mu = new double[PATTERNS][dim];
        double[] probs = new double[PATTERNS];
        for (int l = 0; l < PATTERNS; l++) {
            mu[l][l] = 1.0 - 0.5 * l / (PATTERNS - 1);
            probs[l] = 1.0 / PATTERNS;
        }
        Activation kind = Activation.fromSpecName(activation);
        ActivationFunction h = kind == Activation.LEAKY_RELU ? ActivationFunction.of(kind, 0.1) : ActivationFunction.of(kind);
        SplittableRandom rng = new SplittableRandom(1);
        DMatrixRMaj w0 = new DMatrixRMaj(NODES, dim);
        for (int i = 0; i < w0.data.length; i++) {
            w0.data[i] = rng.nextGaussian();
        }
        return new PopulationFlow(new PopulationObjective(new PatternMixture(mu, probs, noise), h), w0, 0.5, 1e-300);
    }

    @Benchmark
    @OperationsPerInvocation(NODES)
    public double step() {
        return flow.step(t++);
    }
}
