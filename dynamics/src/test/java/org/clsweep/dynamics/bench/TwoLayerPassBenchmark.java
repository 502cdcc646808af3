package org.clsweep.dynamics.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.clsweep.dynamics.activation.Activation;
import org.clsweep.dynamics.activation.ActivationFunction;
import org.clsweep.dynamics.model.TokenEmbedding;
import org.clsweep.dynamics.model.TokenPairBatch;
import org.clsweep.dynamics.model.TwoLayerNet;
import org.clsweep.dynamics.model.TwoLayerPass;
import org.clsweep.dynamics.objective.ContrastiveLoss;
import org.ejml.data.DMatrixRMaj;
import org.openjdk.jmh.annotations.AuxCounters;
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
 * One forward/backward {@link TwoLayerPass} of the reference shape (K = 10, n = 20, M = 25,
 * out = 50, N = 128, BatchNorm with mean backprop), without the loss (a fixed linear stand-in),
 * so the network's own cost is measured. Reports thread CPU time per call beside wall time.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TwoLayerPassBenchmark {
    @Param({"true", "false"})
    public boolean oneHot;

    private TwoLayerPass pass;
    private TokenPairBatch batch;
    private DMatrixRMaj gw;
    private DMatrixRMaj gv;

    /** L = Σ c ⊙ (z1 + z2): its gradient is constant, so the loss costs next to nothing. */
    private static final class LinearLoss implements ContrastiveLoss {
        private final double[] c;

        LinearLoss(int size) {
            SplittableRandom rng = new SplittableRandom(3);
            c = new double[size];
            for (int i = 0; i < size; i++) {
                c[i] = rng.nextDouble() - 0.5;
            }
        }

        @Override
        public double evaluate(DMatrixRMaj z1, DMatrixRMaj z2, DMatrixRMaj grad1, DMatrixRMaj grad2) {
            double l = 0.0;
            for (int i = 0; i < c.length; i++) {
                l += c[i] * (z1.data[i] + z2.data[i]);
                grad1.data[i] = c[i];
                grad2.data[i] = c[i];
            }
            return l;
        }
    }

    /** Thread CPU microseconds and calls, summed: cpuMicros / calls is the CPU time per call. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Cpu {
        public double cpuMicros;
        public long calls;

        @Setup(Level.Iteration)
        public void reset() {
            cpuMicros = 0;
            calls = 0;
        }
    }

    @Setup
    public void setUp() {
        int k = 10;
        int n = 20;
        SplittableRandom rng = new SplittableRandom(1);
        double[] mag = new double[n];
        java.util.Arrays.fill(mag, 1.0);
        TokenEmbedding emb;
        if (oneHot) {
            emb = TokenEmbedding.oneHot(mag);
        } else {
            DMatrixRMaj id = new DMatrixRMaj(n, n);
            for (int a = 0; a < n; a++) {
                id.set(a, a, 1.0);
            }
            emb = TokenEmbedding.dense(id, mag);
        }
        TwoLayerNet net = new TwoLayerNet(k, 25, n, 50, ActivationFunction.of(Activation.RELU), true, true, false);
        net.initialise(rng);
        pass = new TwoLayerPass(net, emb, 128, new LinearLoss(128 * 50));
        batch = new TokenPairBatch(128, k);
        for (int e = 0; e < 128 * k; e++) {
            batch.view1()[e] = rng.nextInt(n);
            batch.view2()[e] = rng.nextInt(n);
        }
        gw = new DMatrixRMaj(k * 25, n);
        gv = new DMatrixRMaj(50, k * 25);
    }

    @Benchmark
    public double evaluate(Cpu cpu) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long t = threads.getCurrentThreadCpuTime();
        double l = pass.evaluate(batch, gw, gv);
        cpu.cpuMicros += (threads.getCurrentThreadCpuTime() - t) * 1e-3;
        cpu.calls++;
        return l;
    }
}
