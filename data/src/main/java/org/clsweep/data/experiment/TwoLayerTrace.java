package org.clsweep.data.experiment;

import java.util.ArrayList;
import java.util.List;
import org.clsweep.data.tokens.TokenStatistics;
import org.clsweep.dynamics.metrics.LocationSummary;
import org.clsweep.dynamics.metrics.PatternExplainedShare;
import org.clsweep.dynamics.metrics.PatternRecovery;
import org.clsweep.dynamics.metrics.TopLayerShare;
import org.clsweep.dynamics.model.TwoLayerNet;
import org.clsweep.dynamics.trainer.SteppedModel;

/**
 * The learning curve of a two-layer run: every {@code train.trace_every} iterations, the batch
 * loss, loc_all, loc_other_all, the score s_k(a) of every (location, token), and per RF k the
 * top layer's share s_k² ({@link TopLayerShare}) and the z-explained share R²_k
 * ({@link PatternExplainedShare}).
 *
 * The points are those of {@link PeriodicTrace}. It also keeps the losses of the last {@code trace_every} steps for {@link #finalLoss()}.
 * Per-step work is a ring-buffer write; recording allocates the point's arrays and costs
 * O(K·M·n·d) for R²_k. The observer only reads W and V and draws nothing, so the training is the
 * same with or without it.
 *
 * @see PatternRecovery
 */
public final class TwoLayerTrace extends PeriodicTrace {
    /** The score at which a token counts as learned. */
    public static final double LEARNED_SCORE = 0.9;

    private final TwoLayerNet net;
    private final PatternRecovery recovery;
    private final PatternExplainedShare explained;
    private final double[] window;
    private int seen;

    /**
     * @param net       the network being trained. Not modified.
     * @param recovery  the pattern-recovery analysis of the run's pattern table
     * @param explained R²_k of the run's pattern table, embedding and activation
     * @param every     {@code train.trace_every}, ≥ 1
     */
    public TwoLayerTrace(TwoLayerNet net, PatternRecovery recovery, PatternExplainedShare explained, int every) {
        super(every);
        this.net = net;
        this.recovery = recovery;
        this.explained = explained;
        this.window = new double[every];
    }

    @Override
    public void onStep(int iteration, double loss, SteppedModel model) {
        window[seen % every()] = loss;
        seen++;
        super.onStep(iteration, loss, model);
    }

    @Override
    TracePoint point(int iteration, double loss) {
        double[] scores = new double[recovery.scoreCount()];
        recovery.scores(net.filterWeights(), scores);
        LocationSummary s = recovery.summarise(scores);
        return new TracePoint(iteration, loss, s.locAll(), s.locOtherAll(), scores,
                TopLayerShare.of(net.topWeights(), net.fields(), net.filters()), explained.of(net.filterWeights()));
    }

    /** The mean loss of the last min(trace_every, steps) steps; NaN before the first step. */
    public double finalLoss() {
        int count = Math.min(seen, every());
        if (count == 0) {
            return Double.NaN;
        }
        double sum = 0.0;
        for (int i = 0; i < count; i++) {
            sum += window[i];
        }
        return sum / count;
    }

    /**
     * Per (location, token): its pair statistics and the first trace iteration at which its score
     * reached {@link #LEARNED_SCORE}, and its final score.
     *
     * @param statistics  [k][a], the statistics of token a at location k. Not modified.
     * @param finalScores s_k(a) of the final filters at [k·n + a], or null when there are none
     *                    (a diverged run). Not modified.
     */
    public List<TokenLearning> learningTimes(TokenStatistics[][] statistics, double[] finalScores) {
        List<TokenLearning> out = new ArrayList<>();
        List<TracePoint> trace = points();
        int vocab = statistics[0].length;
        for (int k = 0; k < statistics.length; k++) {
            for (int a = 0; a < vocab; a++) {
                int time = TokenLearning.NEVER;
                for (TracePoint p : trace) {
                    if (p.tokenScores()[k * vocab + a] >= LEARNED_SCORE) {
                        time = p.iteration();
                        break;
                    }
                }
                out.add(new TokenLearning(k, a, statistics[k][a], time,
                        finalScores == null ? Double.NaN : finalScores[k * vocab + a]));
            }
        }
        return out;
    }
}
