package org.clsweep.dynamics.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.clsweep.dynamics.testing.Tolerances.TOL_EXACT;
import static org.clsweep.dynamics.testing.Tolerances.TOL_FD;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.clsweep.dynamics.activation.Activation;
import org.clsweep.dynamics.activation.ActivationFunction;
import org.clsweep.dynamics.objective.ContrastiveLoss;
import org.clsweep.dynamics.objective.ContrastiveLosses;
import org.clsweep.dynamics.objective.LossType;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TwoLayerPassTest {
    private static final double H = 1e-6;

    private static final int K = 3;
    private static final int M = 4;
    private static final int VOCAB = 6;
    private static final int OUT = 5;
    private static final int N = 9;

    /** BatchNorm settings: off, or on with (mean, var) switches. */
    enum Bn {
        OFF(false, false, false), MEAN_VAR(true, true, true), MEAN(true, true, false), VAR(true, false, true),
        NONE(true, false, false);

        final boolean on;
        final boolean mean;
        final boolean var;

        Bn(boolean on, boolean mean, boolean var) {
            this.on = on;
            this.mean = mean;
            this.var = var;
        }
    }

    static List<ActivationFunction> activations() {
        return List.of(ActivationFunction.of(Activation.LINEAR), ActivationFunction.of(Activation.RELU),
                ActivationFunction.of(Activation.LEAKY_RELU, 0.1), ActivationFunction.of(Activation.SIGMOID),
                ActivationFunction.of(Activation.QUADRATIC));
    }

    /** Loss factories by name; each builds a loss for N×OUT outputs. */
    static List<Arguments> losses() {
        List<Arguments> l = new ArrayList<>();
        l.add(Arguments.of("smooth", (Supplier<ContrastiveLoss>) () -> new SmoothTestLoss(N, OUT, 11)));
        for (LossType type : LossType.values()) {
            for (boolean normalize : new boolean[] {false, true}) {
                l.add(Arguments.of(type.specName() + (normalize ? ", normalised" : ", raw"),
                        (Supplier<ContrastiveLoss>) () -> ContrastiveLosses.create(type, 0.5, normalize, N, OUT)));
            }
        }
        return l;
    }

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (ActivationFunction act : activations()) {
            for (Bn bn : Bn.values()) {
                for (Arguments loss : losses()) {
                    out.add(Arguments.of(act, bn, loss.get()[0], loss.get()[1]));
                }
            }
        }
        return out.stream();
    }

    static double[] magnitudes() {
        double[] mag = new double[VOCAB];
        for (int a = 0; a < VOCAB; a++) {
            mag[a] = a < VOCAB / 2 ? 0.5 : 2.0;
        }
        return mag;
    }

    static TokenEmbedding embedded(int d, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        DMatrixRMaj g = new DMatrixRMaj(d, VOCAB);
        for (int e = 0; e < g.data.length; e++) {
            g.data[e] = rng.nextGaussian();
        }
        return TokenEmbedding.dense(g, magnitudes());
    }

    static TokenPairBatch batch(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        TokenPairBatch b = new TokenPairBatch(N, K);
        for (int e = 0; e < N * K; e++) {
            b.view1()[e] = rng.nextInt(VOCAB);
            b.view2()[e] = rng.nextBoolean() ? b.view1()[e] : rng.nextInt(VOCAB);
        }
        return b;
    }

    static TwoLayerNet net(int d, ActivationFunction act, Bn bn, long seed) {
        TwoLayerNet net = new TwoLayerNet(K, M, d, OUT, act, bn.on, bn.mean, bn.var);
        net.initialise(new SplittableRandom(seed));
        return net;
    }

    @ParameterizedTest(name = "{0}, bn {1}, {2}, one-hot")
    @MethodSource("cases")
    void oneHotGradientMatchesFiniteDifferences(ActivationFunction act, Bn bn, String lossName,
                                                Supplier<ContrastiveLoss> loss) {
        checkAgainstFiniteDifferences(TokenEmbedding.oneHot(magnitudes()), act, bn, loss);
    }

    @ParameterizedTest(name = "{0}, bn {1}, {2}, embedded d=4")
    @MethodSource("cases")
    void embeddedGradientMatchesFiniteDifferences(ActivationFunction act, Bn bn, String lossName,
                                                  Supplier<ContrastiveLoss> loss) {
        checkAgainstFiniteDifferences(embedded(4, 5), act, bn, loss);
    }

    private static void checkAgainstFiniteDifferences(TokenEmbedding emb, ActivationFunction act, Bn bn,
                                                      Supplier<ContrastiveLoss> lossMaker) {
        TwoLayerNet net = net(emb.dim(), act, bn, 21);
        TokenPairBatch b = batch(31);
        TwoLayerPass pass = new TwoLayerPass(net, emb, N, lossMaker.get());
        DMatrixRMaj gw = new DMatrixRMaj(K * M, emb.dim());
        DMatrixRMaj gv = new DMatrixRMaj(OUT, K * M);
        double value = pass.evaluate(b, gw, gv);

        ContrastiveLoss refLoss = lossMaker.get();
        double ref = SampleReference.loss(net, emb, b, refLoss, null);
        assertThat(value).isCloseTo(ref, offset(TOL_EXACT * Math.max(1.0, Math.abs(ref))));

        double[][][] frozen = SampleReference.frozenStats(net, emb, b);
        assertThat(relativeError(gw, fd(net.filterWeights(), () -> SampleReference.loss(net, emb, b, refLoss, frozen))))
                .as("W").isLessThan(TOL_FD);
        assertThat(relativeError(gv, fd(net.topWeights(), () -> SampleReference.loss(net, emb, b, refLoss, frozen))))
                .as("V").isLessThan(TOL_FD);
    }

    private static DMatrixRMaj fd(DMatrixRMaj param, java.util.function.DoubleSupplier f) {
        DMatrixRMaj g = new DMatrixRMaj(param.numRows, param.numCols);
        for (int e = 0; e < param.data.length; e++) {
            double keep = param.data[e];
            param.data[e] = keep + H;
            double lp = f.getAsDouble();
            param.data[e] = keep - H;
            double lm = f.getAsDouble();
            param.data[e] = keep;
            g.data[e] = (lp - lm) / (2 * H);
        }
        return g;
    }

    private static double relativeError(DMatrixRMaj analytic, DMatrixRMaj numeric) {
        double num = 0.0;
        double den = 0.0;
        for (int e = 0; e < analytic.data.length; e++) {
            double diff = analytic.data[e] - numeric.data[e];
            num += diff * diff;
            den += numeric.data[e] * numeric.data[e];
        }
        assertThat(den).as("gradient is not trivially zero").isGreaterThan(1e-12);
        return Math.sqrt(num / den);
    }

    @ParameterizedTest(name = "{0}, bn {1}, {2}")
    @MethodSource("cases")
    void oneHotLookupEqualsDenseProductOnOneHotData(ActivationFunction act, Bn bn, String lossName,
                                                    Supplier<ContrastiveLoss> loss) {
        TokenEmbedding lookup = TokenEmbedding.oneHot(magnitudes());
        TokenEmbedding dense = TokenEmbedding.dense(CommonOps_DDRM.identity(VOCAB), magnitudes());
        assertThat(lookup.isOneHot()).isTrue();
        assertThat(dense.isOneHot()).isFalse();
        TwoLayerNet net = net(VOCAB, act, bn, 8);
        TokenPairBatch b = batch(9);
        DMatrixRMaj gw1 = new DMatrixRMaj(K * M, VOCAB);
        DMatrixRMaj gv1 = new DMatrixRMaj(OUT, K * M);
        DMatrixRMaj gw2 = new DMatrixRMaj(K * M, VOCAB);
        DMatrixRMaj gv2 = new DMatrixRMaj(OUT, K * M);
        double l1 = new TwoLayerPass(net, lookup, N, loss.get()).evaluate(b, gw1, gv1);
        double l2 = new TwoLayerPass(net, dense, N, loss.get()).evaluate(b, gw2, gv2);
        assertThat(l1).isCloseTo(l2, offset(TOL_EXACT));
        for (int e = 0; e < gw1.data.length; e++) {
            assertThat(gw1.data[e]).isCloseTo(gw2.data[e], offset(TOL_EXACT));
        }
        for (int e = 0; e < gv1.data.length; e++) {
            assertThat(gv1.data[e]).isCloseTo(gv2.data[e], offset(TOL_EXACT));
        }
    }

    @Test
    void outputsEqualThePlainPerSampleForward() {
        TokenEmbedding emb = TokenEmbedding.oneHot(magnitudes());
        TwoLayerNet net = net(VOCAB, ActivationFunction.of(Activation.RELU), Bn.MEAN, 4);
        TokenPairBatch b = batch(6);
        TwoLayerPass pass = new TwoLayerPass(net, emb, N, new SmoothTestLoss(N, OUT, 1));
        pass.evaluate(b, new DMatrixRMaj(K * M, VOCAB), new DMatrixRMaj(OUT, K * M));
        DMatrixRMaj ref = SampleReference.output(net, emb, b.view2(), N, null);
        for (int e = 0; e < ref.data.length; e++) {
            assertThat(pass.output(1).data[e]).isCloseTo(ref.data[e], offset(TOL_EXACT));
        }
    }

    @Test
    void aNonFiniteLossLeavesZeroGradients() {
        TokenEmbedding emb = TokenEmbedding.oneHot(magnitudes());
        TwoLayerNet net = net(VOCAB, ActivationFunction.of(Activation.RELU), Bn.OFF, 4);
        net.topWeights().data[0] = Double.NaN;
        DMatrixRMaj gw = new DMatrixRMaj(K * M, VOCAB);
        DMatrixRMaj gv = new DMatrixRMaj(OUT, K * M);
        gw.data[3] = 5.0;
        double l = new TwoLayerPass(net, emb, N, new SmoothTestLoss(N, OUT, 1)).evaluate(batch(1), gw, gv);
        assertThat(l).isNaN();
        assertThat(gw.data).containsOnly(0.0);
        assertThat(gv.data).containsOnly(0.0);
    }
}
