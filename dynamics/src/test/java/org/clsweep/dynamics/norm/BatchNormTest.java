package org.clsweep.dynamics.norm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.clsweep.dynamics.testing.Tolerances.TOL_EXACT;
import static org.clsweep.dynamics.testing.Tolerances.TOL_FD;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class BatchNormTest {
    private static final double H = 1e-5;

    private static final int ROWS = 9;
    private static final int COLS = 4;

    /** L(y) = Σ c·y + ½·Σ y²·q: a smooth function of the normalised output. */
    private static double lossOf(double[] y, double[] c, double[] q) {
        double l = 0.0;
        for (int e = 0; e < y.length; e++) {
            l += c[e] * y[e] + 0.5 * q[e] * y[e] * y[e];
        }
        return l;
    }

    /**
     * The forward pass with the statistics that the switches stop frozen at given values:
     * mean0 replaces the mean when it is stopped, var0 the variance (which otherwise uses the
     * batch's own mean, like x.var()).
     */
    private static double[] frozenForward(double[] x, boolean liveMean, boolean liveVar, double[] mean0, double[] var0) {
        double[] y = new double[x.length];
        for (int c = 0; c < COLS; c++) {
            double mean = 0.0;
            for (int r = 0; r < ROWS; r++) {
                mean += x[r * COLS + c];
            }
            mean /= ROWS;
            double var = 0.0;
            for (int r = 0; r < ROWS; r++) {
                double dx = x[r * COLS + c] - mean;
                var += dx * dx;
            }
            var /= ROWS;
            double mu = liveMean ? mean : mean0[c];
            double v = liveVar ? var : var0[c];
            for (int r = 0; r < ROWS; r++) {
                y[r * COLS + c] = (x[r * COLS + c] - mu) / Math.sqrt(v + BatchNorm.EPS);
            }
        }
        return y;
    }

    @ParameterizedTest(name = "backprop mean={0} var={1}")
    @CsvSource({"true,true", "true,false", "false,true", "false,false"})
    void backwardMatchesFiniteDifferencesWithStoppedStatisticsFrozen(boolean bpMean, boolean bpVar) {
        SplittableRandom rng = new SplittableRandom(7);
        double[] x = new double[ROWS * COLS];
        double[] c = new double[ROWS * COLS];
        double[] q = new double[ROWS * COLS];
        for (int e = 0; e < x.length; e++) {
            x[e] = 2.0 * rng.nextDouble() - 0.5;
            c[e] = rng.nextDouble() - 0.5;
            q[e] = rng.nextDouble();
        }
        int[] ones = new int[ROWS];
        Arrays.fill(ones, 1);
        BatchNorm bn = new BatchNorm(COLS, bpMean, bpVar);
        double[] y = new double[x.length];
        double[] invStd = new double[COLS];
        bn.forward(x, ROWS, COLS, ones, y, invStd);
        double[] mean0 = new double[COLS];
        double[] var0 = new double[COLS];
        double[] yAll = frozenForward(x, true, true, null, null);
        for (int e = 0; e < y.length; e++) {
            assertThat(y[e]).isCloseTo(yAll[e], offset(TOL_EXACT));
        }
        for (int col = 0; col < COLS; col++) {
            for (int r = 0; r < ROWS; r++) {
                mean0[col] += x[r * COLS + col] / ROWS;
            }
            for (int r = 0; r < ROWS; r++) {
                double dx = x[r * COLS + col] - mean0[col];
                var0[col] += dx * dx / ROWS;
            }
        }
        double[] g = new double[x.length];
        for (int e = 0; e < g.length; e++) {
            g[e] = c[e] + q[e] * y[e];
        }
        double[] dx = new double[x.length];
        bn.backward(g, y, ROWS, COLS, ones, invStd, dx);

        double num = 0.0;
        double den = 0.0;
        for (int e = 0; e < x.length; e++) {
            double keep = x[e];
            x[e] = keep + H;
            double lp = lossOf(frozenForward(x, bpMean, bpVar, mean0, var0), c, q);
            x[e] = keep - H;
            double lm = lossOf(frozenForward(x, bpMean, bpVar, mean0, var0), c, q);
            x[e] = keep;
            double fd = (lp - lm) / (2 * H);
            num += (fd - dx[e]) * (fd - dx[e]);
            den += fd * fd;
        }
        assertThat(Math.sqrt(num / den)).isLessThan(TOL_FD);
    }

    @Test
    void switchesChangeTheGradient() {
        double[] x = {0.3, -1.0, 2.0, 0.5, 1.5, -0.2};
        double[] g = {1.0, 0.2, -0.4, 0.7, 0.1, -0.3};
        int[] ones = {1, 1, 1, 1, 1, 1};
        double[] full = backward(new BatchNorm(1, true, true), x, g, ones);
        double[] none = backward(new BatchNorm(1, false, false), x, g, ones);
        double[] y = new double[6];
        double[] inv = new double[1];
        new BatchNorm(1, true, true).forward(x, 6, 1, ones, y, inv);
        for (int r = 0; r < 6; r++) {
            assertThat(none[r]).isCloseTo(g[r] * inv[0], offset(TOL_EXACT));
        }
        double sumFull = 0.0;
        for (double v : full) {
            sumFull += v;
        }
        // with the gradient through the mean, a constant shift of x changes nothing
        assertThat(sumFull).isCloseTo(0.0, offset(TOL_EXACT));
    }

    private static double[] backward(BatchNorm bn, double[] x, double[] g, int[] counts) {
        double[] y = new double[x.length];
        double[] inv = new double[1];
        bn.forward(x, x.length, 1, counts, y, inv);
        double[] dx = new double[x.length];
        bn.backward(g, y, x.length, 1, counts, inv, dx);
        return dx;
    }

    @ParameterizedTest(name = "backprop mean={0} var={1}")
    @CsvSource({"true,true", "true,false", "false,true", "false,false"})
    void weightedRowsEqualTheExpandedBatch(boolean bpMean, boolean bpVar) {
        SplittableRandom rng = new SplittableRandom(3);
        int rows = 4;
        int[] counts = {3, 1, 5, 2};
        int total = 11;
        double[] x = new double[rows * COLS];
        for (int e = 0; e < x.length; e++) {
            x[e] = rng.nextDouble() * 3 - 1;
        }
        // per-sample gradients, aggregated per row for the weighted call
        double[] gSample = new double[total * COLS];
        for (int e = 0; e < gSample.length; e++) {
            gSample[e] = rng.nextDouble() - 0.5;
        }
        double[] xExp = new double[total * COLS];
        int[] ones = new int[total];
        double[] gAgg = new double[rows * COLS];
        int i = 0;
        for (int r = 0; r < rows; r++) {
            for (int t = 0; t < counts[r]; t++, i++) {
                ones[i] = 1;
                for (int col = 0; col < COLS; col++) {
                    xExp[i * COLS + col] = x[r * COLS + col];
                    gAgg[r * COLS + col] += gSample[i * COLS + col];
                }
            }
        }
        BatchNorm bn = new BatchNorm(COLS, bpMean, bpVar);
        double[] yW = new double[x.length];
        double[] invW = new double[COLS];
        bn.forward(x, rows, COLS, counts, yW, invW);
        double[] dW = new double[x.length];
        bn.backward(gAgg, yW, rows, COLS, counts, invW, dW);

        double[] yE = new double[xExp.length];
        double[] invE = new double[COLS];
        bn.forward(xExp, total, COLS, ones, yE, invE);
        double[] dE = new double[xExp.length];
        bn.backward(gSample, yE, total, COLS, ones, invE, dE);

        i = 0;
        double[] dAgg = new double[rows * COLS];
        for (int r = 0; r < rows; r++) {
            for (int t = 0; t < counts[r]; t++, i++) {
                for (int col = 0; col < COLS; col++) {
                    assertThat(yE[i * COLS + col]).isCloseTo(yW[r * COLS + col],
                            offset(TOL_EXACT));
                    dAgg[r * COLS + col] += dE[i * COLS + col];
                }
            }
        }
        for (int e = 0; e < dAgg.length; e++) {
            assertThat(dW[e]).isCloseTo(dAgg[e], offset(TOL_EXACT));
        }
    }
}
