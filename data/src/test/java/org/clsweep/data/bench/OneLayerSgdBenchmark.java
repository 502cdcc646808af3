package org.clsweep.data.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.clsweep.data.random.UnitVectors;
import org.clsweep.data.sampling.PatternPairSampler;
import org.clsweep.dynamics.activation.Activation;
import org.clsweep.dynamics.activation.ActivationFunction;
import org.clsweep.dynamics.model.OneLayerNetwork;
import org.clsweep.dynamics.model.PatternMixture;
import org.clsweep.dynamics.objective.ContrastiveLosses;
import org.clsweep.dynamics.objective.LossType;
import org.clsweep.dynamics.optim.MomentumSgd;
import org.clsweep.dynamics.trainer.OneLayerSgd;
import org.ejml.data.DMatrixRMaj;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Steps per second of one-layer SGD (sampling both views, forward, loss, backward, momentum
 * step, row renormalisation): n = 64 nodes, d = 32, batch N = 256, ReLU, 16 orthogonal patterns,
 * σ = 0.1. Run as documented in BENCHMARKS.md ("One-layer SGD").
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m"})
public class OneLayerSgdBenchmark {
    @Param({"64"})
    int width;
    @Param({"32"})
    int dim;
    @Param({"256"})
    int batch;
    @Param({"INFONCE", "QUADRATIC"})
    LossType loss;
    @Param({"true"})
    boolean normalizeOutput;

    private OneLayerSgd sgd;
    private int iteration;

    @Setup(Level.Trial)
    public void setUp() {
        int patterns = 16;
        double[][] mu = new double[patterns][dim];
        double[] probs = new double[patterns];
        for (int l = 0; l < patterns; l++) {
            mu[l][l] = 1.0;
            probs[l] = 1.0 / patterns;
        }
        PatternMixture mixture = new PatternMixture(mu, probs, 0.1);
        DMatrixRMaj w = UnitVectors.rows(width, dim, new SplittableRandom(1));
        sgd = new OneLayerSgd(w, new OneLayerNetwork(ActivationFunction.of(Activation.RELU), width, dim, batch),
                new PatternPairSampler(mixture, batch, new SplittableRandom(2)),
                ContrastiveLosses.create(loss, 0.1, normalizeOutput, batch, width),
                new MomentumSgd(0.01, 0.9, 0.005, width, dim), true);
    }

    @Benchmark
    public double step() {
        return sgd.step(iteration++);
    }
}
