package org.clsweep.dynamics.trainer;

import org.clsweep.dynamics.model.TokenEmbedding;
import org.clsweep.dynamics.model.TokenPairBatch;
import org.clsweep.dynamics.model.TokenPairSource;
import org.clsweep.dynamics.model.TwoLayerNet;
import org.clsweep.dynamics.model.TwoLayerPass;
import org.clsweep.dynamics.objective.ContrastiveLoss;
import org.clsweep.dynamics.optim.MomentumSgd;
import org.ejml.data.DMatrixRMaj;

/**
 * Sampled training of a {@link TwoLayerNet} on token pairs: one step draws a fresh minibatch,
 * evaluates the loss and its gradient, and updates W and V by SGD with momentum and coupled
 * weight decay (no schedule, as in the reference).
 *
 * <pre>
 *   step t:  batch ← source;  L, ∇W, ∇V ← pass(batch);  if L finite: W ← sgd(W, ∇W), V ← sgd(V, ∇V)
 * </pre>
 * A non-finite loss leaves the parameters as they were and is returned, so that
 * {@link StopRule#standard()} ends the run as DIVERGED with finite weights. An update that leaves a
 * non-finite parameter makes the step return NaN (the state is no longer finite): DIVERGED too.
 * Allocation-free per step.
 *
 * @see TwoLayerPass
 * @see MomentumSgd
 */
public final class TwoLayerSgd implements SteppedModel {
    private final TwoLayerNet net;
    private final TwoLayerPass pass;
    private final ContrastiveLoss loss;
    private final TokenPairSource source;
    private final TokenPairBatch batch;
    private final MomentumSgd optW;
    private final MomentumSgd optV;
    private final DMatrixRMaj gradW;
    private final DMatrixRMaj gradV;

    /**
     * @param net         the network, initialised. Modified by every step.
     * @param embedding   the token inputs
     * @param source      the minibatch source. Modified by every step.
     * @param batchSize   N
     * @param loss        the loss, sized for N×out
     * @param lr          step size &gt; 0
     * @param momentum    in [0, 1)
     * @param weightDecay coupled weight decay ≥ 0
     */
    public TwoLayerSgd(TwoLayerNet net, TokenEmbedding embedding, TokenPairSource source, int batchSize,
                       ContrastiveLoss loss, double lr, double momentum, double weightDecay) {
        this.net = net;
        this.loss = loss;
        this.pass = new TwoLayerPass(net, embedding, batchSize, loss);
        this.source = source;
        this.batch = new TokenPairBatch(batchSize, net.fields());
        DMatrixRMaj w = net.filterWeights();
        DMatrixRMaj v = net.topWeights();
        this.optW = new MomentumSgd(lr, momentum, weightDecay, w.numRows, w.numCols);
        this.optV = new MomentumSgd(lr, momentum, weightDecay, v.numRows, v.numCols);
        this.gradW = new DMatrixRMaj(w.numRows, w.numCols);
        this.gradV = new DMatrixRMaj(v.numRows, v.numCols);
    }

    @Override
    public double step(int iteration) {
        source.next(batch);
        double value = pass.evaluate(batch, gradW, gradV);
        if (Double.isFinite(value)) {
            optW.step(net.filterWeights(), gradW);
            optV.step(net.topWeights(), gradV);
            if (!allFinite(net.filterWeights()) || !allFinite(net.topWeights())) {
                return Double.NaN;
            }
        }
        return value;
    }

    private static boolean allFinite(DMatrixRMaj m) {
        double[] d = m.data;
        int len = m.getNumElements();
        double acc = 0.0;
        for (int i = 0; i < len; i++) {
            acc += d[i] * 0.0;
        }
        return acc == 0.0;
    }

    /** The network being trained. */
    public TwoLayerNet net() {
        return net;
    }

    /** The loss, for its diagnostics of the last batch (α). */
    public ContrastiveLoss loss() {
        return loss;
    }
}
