package org.clsweep.dynamics.model;

import org.clsweep.dynamics.norm.BatchNorm;
import org.clsweep.dynamics.objective.ContrastiveLoss;
import org.ejml.data.DMatrixRMaj;

/**
 * The two-layer forward pass written the plain way, sample by sample, with materialised inputs
 * x_{i,k} = mag(a)·u_a: the independent reference {@link TwoLayerPass} is checked against. The
 * BatchNorm statistics that a switch stops can be frozen at given values, so that finite
 * differences of this loss are what the pass's backward must equal.
 */
final class SampleReference {
    private SampleReference() {
    }

    /** Pre-BN hidden layer h(W_k x_k) of one view, N×KM. */
    static double[][] hidden(TwoLayerNet net, TokenEmbedding emb, int[] ids, int batch) {
        int k = net.fields();
        int m = net.filters();
        int d = net.dim();
        double[][] h = new double[batch][k * m];
        DMatrixRMaj w = net.filterWeights();
        for (int i = 0; i < batch; i++) {
            for (int f = 0; f < k; f++) {
                int a = ids[i * k + f];
                for (int j = 0; j < m; j++) {
                    double p = 0.0;
                    for (int c = 0; c < d; c++) {
                        p += w.get(f * m + j, c) * emb.input(c, a);
                    }
                    h[i][f * m + j] = net.activation().value(p);
                }
            }
        }
        return h;
    }

    /** Batch mean and biased variance of every hidden unit: [0] mean, [1] variance. */
    static double[][] stats(double[][] h) {
        int n = h.length;
        int c = h[0].length;
        double[][] s = new double[2][c];
        for (int col = 0; col < c; col++) {
            double mean = 0.0;
            for (double[] row : h) {
                mean += row[col];
            }
            mean /= n;
            double var = 0.0;
            for (double[] row : h) {
                var += (row[col] - mean) * (row[col] - mean);
            }
            s[0][col] = mean;
            s[1][col] = var / n;
        }
        return s;
    }

    /** f2 of one view; frozen = the stats to use for the stopped statistics, or null. */
    static DMatrixRMaj output(TwoLayerNet net, TokenEmbedding emb, int[] ids, int batch, double[][] frozen) {
        double[][] h = hidden(net, emb, ids, batch);
        if (net.batchNorm()) {
            double[][] live = stats(h);
            for (int col = 0; col < h[0].length; col++) {
                double mu = net.bnBackpropMean() || frozen == null ? live[0][col] : frozen[0][col];
                double var = net.bnBackpropVar() || frozen == null ? live[1][col] : frozen[1][col];
                double inv = 1.0 / Math.sqrt(var + BatchNorm.EPS);
                for (double[] row : h) {
                    row[col] = (row[col] - mu) * inv;
                }
            }
        }
        DMatrixRMaj v = net.topWeights();
        DMatrixRMaj z = new DMatrixRMaj(batch, net.outDim());
        for (int i = 0; i < batch; i++) {
            for (int o = 0; o < net.outDim(); o++) {
                double acc = 0.0;
                for (int c = 0; c < net.hidden(); c++) {
                    acc += v.get(o, c) * h[i][c];
                }
                z.set(i, o, acc);
            }
        }
        return z;
    }

    /** The loss, with frozen[view] the statistics of each view to use where a switch stops them (or null). */
    static double loss(TwoLayerNet net, TokenEmbedding emb, TokenPairBatch b, ContrastiveLoss loss, double[][][] frozen) {
        DMatrixRMaj z1 = output(net, emb, b.view1(), b.size(), frozen == null ? null : frozen[0]);
        DMatrixRMaj z2 = output(net, emb, b.view2(), b.size(), frozen == null ? null : frozen[1]);
        DMatrixRMaj g1 = new DMatrixRMaj(z1.numRows, z1.numCols);
        DMatrixRMaj g2 = new DMatrixRMaj(z1.numRows, z1.numCols);
        return loss.evaluate(z1, z2, g1, g2);
    }

    /** The BN statistics of both views at the current parameters. */
    static double[][][] frozenStats(TwoLayerNet net, TokenEmbedding emb, TokenPairBatch b) {
        return new double[][][] {stats(hidden(net, emb, b.view1(), b.size())),
                stats(hidden(net, emb, b.view2(), b.size()))};
    }
}
