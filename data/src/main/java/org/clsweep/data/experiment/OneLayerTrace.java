package org.clsweep.data.experiment;

import org.clsweep.data.sampling.LabelledBatch;
import org.clsweep.dynamics.activation.ActivationFunction;
import org.clsweep.dynamics.model.OneLayerNetwork;
import org.clsweep.dynamics.objective.AlphaStructure;
import org.clsweep.dynamics.objective.InfoNceWeights;
import org.ejml.data.DMatrixRMaj;

/**
 * The learning curve of a one-layer InfoNCE run: every {@code train.trace_every} iterations, the
 * batch loss and the α structure of the current W on the run's evaluation batch.
 *
 * <pre>
 *   at the points of {@link PeriodicTrace}:
 *   Z₁ = h(X₁ᵉWᵀ), Z₂ = h(X₂ᵉWᵀ) → S with τ and the output normalisation of the run (InfoNceWeights)
 *                              → AlphaStructure(S, τ, labels of the evaluation batch)
 * </pre>
 * The evaluation batch is one batch, drawn once from the run's {@code eval()} stream: the same
 * pairs at every point, so that the curve shows changes of W and not of the sample. The observer
 * only reads W, so the training is the same with or without it. Recording costs O(N²n + Ndn) for
 * N evaluation pairs and allocates one point; a step that is not recorded costs nothing.
 *
 * @see TwoLayerTrace
 * @see AlphaStructure
 */
final class OneLayerTrace extends PeriodicTrace {
    private final DMatrixRMaj weights;
    private final OneLayerNetwork network;
    private final LabelledBatch eval;
    private final InfoNceWeights similarity;
    private final DMatrixRMaj pre;
    private final DMatrixRMaj out1;
    private final DMatrixRMaj out2;

    /**
     * @param weights     W, n×d, the weights being trained. Not modified.
     * @param activation  h
     * @param eval        the evaluation batch. Not modified.
     * @param temperature τ of the run
     * @param normalize   the run's {@code train.normalize_output}
     * @param every       {@code train.trace_every}, ≥ 1
     */
    OneLayerTrace(DMatrixRMaj weights, ActivationFunction activation, LabelledBatch eval, double temperature,
                  boolean normalize, int every) {
        super(every);
        int n = weights.numRows;
        this.weights = weights;
        this.network = new OneLayerNetwork(activation, n, weights.numCols, eval.size());
        this.eval = eval;
        this.similarity = new InfoNceWeights(temperature, normalize, eval.size(), n);
        this.pre = new DMatrixRMaj(eval.size(), n);
        this.out1 = new DMatrixRMaj(eval.size(), n);
        this.out2 = new DMatrixRMaj(eval.size(), n);
    }

    @Override
    TracePoint point(int iteration, double loss) {
        network.forward(weights, eval.view1(), pre, out1);
        network.forward(weights, eval.view2(), pre, out2);
        similarity.evaluate(out1, out2);
        AlphaStructure alpha = AlphaStructure.of(similarity.similarities().data, eval.size(),
                similarity.temperature(), eval.labels());
        return TracePoint.oneLayer(iteration, loss, alpha);
    }
}
