package org.clsweep.data.experiment;

import java.util.List;
import java.util.SplittableRandom;
import org.clsweep.data.random.RunStreams;
import org.clsweep.data.spec.NetSpec;
import org.clsweep.data.spec.RunSpec;
import org.clsweep.data.spec.TokenSpec;
import org.clsweep.data.spec.TrainSpec;
import org.clsweep.data.tokens.DecoupledTokenPairGenerator;
import org.clsweep.data.tokens.LocationPairDistribution;
import org.clsweep.data.tokens.TokenEmbeddings;
import org.clsweep.data.tokens.TokenPairGenerator;
import org.clsweep.data.tokens.TokenPatterns;
import org.clsweep.data.tokens.TokenStatistics;
import org.clsweep.dynamics.activation.Activation;
import org.clsweep.dynamics.metrics.FilterSelectivity;
import org.clsweep.dynamics.metrics.FilterSpecialisation;
import org.clsweep.dynamics.metrics.LocationSummary;
import org.clsweep.dynamics.metrics.PatternExplainedShare;
import org.clsweep.dynamics.metrics.PatternRecovery;
import org.clsweep.dynamics.model.TokenEmbedding;
import org.clsweep.dynamics.model.TokenPairSource;
import org.clsweep.dynamics.model.TwoLayerNet;
import org.clsweep.dynamics.objective.ContrastiveLoss;
import org.clsweep.dynamics.objective.ContrastiveLosses;
import org.clsweep.dynamics.trainer.Action;
import org.clsweep.dynamics.trainer.StopRule;
import org.clsweep.dynamics.trainer.TrainingLoop;
import org.clsweep.dynamics.trainer.TrainingOutcome;
import org.clsweep.dynamics.trainer.TwoLayerSgd;
import org.ejml.data.DMatrixRMaj;

/**
 * One {@code model = twolayer} run (SCIENCE.md §3): the token data, the receptive-field network,
 * SGD, and the two-layer metrics.
 *
 * <pre>
 *   patterns() stream → pattern table, then the token embedding (shared by all cells with the
 *                       same seed and token spec)
 *   init() stream     → W, V ~ U(−1/√fan_in, 1/√fan_in)
 *   data() stream     → a fresh minibatch of pairs every step ({@link DecoupledTokenPairGenerator}
 *                       with tokens.decouple: every location its own global pattern)
 *   M = width · tokens.per_location   (β·P)
 * </pre>
 * Metrics: loc_all, loc_other_all, empty_locations (pattern recovery of the final W),
 * filter_abs_cos, effective_rank (specialisation), concentration, dead_filters,
 * filters_per_token (the tokens each filter selects), rf_top_cosine (linear activation only: W_k
 * against the top eigenvector of the location's pair covariance), final_loss (mean of the last
 * trace window), alpha_mean/alpha_max (InfoNCE weights of the last batch). The trace adds per RF
 * the theorem's s_k² and R²_k, exact from V, W and the pattern table. A DIVERGED run keeps
 * its trace up to the divergence and leaves every metric NaN. Per (location, token): the exact
 * pair statistics of the pattern table ({@link TokenStatistics}), the learning time and the final
 * score.
 */
public final class TwoLayerRun {
    private TwoLayerRun() {
    }

    /**
     * @param spec a two-layer spec. Not modified.
     * @param seed the run's seed
     */
    public static RunResult execute(RunSpec spec, long seed) {
        long start = System.nanoTime();
        TokenSpec ts = spec.tokens();
        NetSpec ns = spec.net();
        TrainSpec tr = spec.train();
        RunStreams streams = RunStreams.of(seed, spec.cellKey());
        SplittableRandom patternStream = streams.patterns();
        TokenPatterns table = TokenPatterns.of(ts, patternStream);
        TokenEmbedding embedding = TokenEmbeddings.of(ts, patternStream);
        int filters = spec.width() * ts.perLocation();

        TwoLayerNet net = new TwoLayerNet(ts.locations(), filters, embedding.dim(), ns.outDim(),
                spec.activationFunction(), ns.batchnorm(), ns.bnBackpropMean(), ns.bnBackpropVar());
        net.initialise(streams.init());
        ContrastiveLoss loss = ContrastiveLosses.create(tr.loss(), tr.temperature(), tr.normalizeOutput(), tr.batch(),
                ns.outDim());
        LocationPairDistribution pairs = LocationPairDistribution.of(table, ts.augDegree());
        TokenPairSource generator = ts.decouple()
                ? new DecoupledTokenPairGenerator(table, pairs, streams.data())
                : new TokenPairGenerator(table, ts.augDegree(), streams.data());
        TwoLayerSgd model = new TwoLayerSgd(net, embedding, generator, tr.batch(), loss, tr.lr(), tr.momentum(),
                tr.weightDecay());

        int[][] usage = table.usageTable();
        PatternRecovery recovery = new PatternRecovery(ts.locations(), filters, embedding.directions(), usage,
                spec.activation() == Activation.LINEAR);
        PatternExplainedShare explained = new PatternExplainedShare(usage, table.count(), embedding,
                net.activation(), filters);
        TwoLayerTrace trace = new TwoLayerTrace(net, recovery, explained, tr.traceEvery());
        TrainingOutcome outcome = TrainingLoop.run(model, tr.steps(), StopRule.standard(), trace);

        double[] metrics = RunResult.emptyMetrics();
        RunStatus status = RunStatus.OK;
        String error = null;
        double[] scores = null;
        if (outcome.end() == Action.DIVERGED) {
            status = RunStatus.DIVERGED;
            error = "non-finite loss " + outcome.lastLoss() + " at iteration " + (outcome.stepsDone() - 1);
        } else {
            scores = new double[recovery.scoreCount()];
            recovery.scores(net.filterWeights(), scores);
            LocationSummary summary = recovery.summarise(scores);
            set(metrics, RunMetric.LOC_ALL, summary.locAll());
            set(metrics, RunMetric.LOC_OTHER_ALL, summary.locOtherAll());
            set(metrics, RunMetric.EMPTY_LOCATIONS, summary.emptyLocations());
            set(metrics, RunMetric.FILTER_ABS_COS,
                    FilterSpecialisation.meanAbsCosine(net.filterWeights(), ts.locations(), filters));
            set(metrics, RunMetric.EFFECTIVE_RANK,
                    FilterSpecialisation.meanEffectiveRank(net.filterWeights(), ts.locations(), filters));
            FilterSelectivity selectivity = FilterSelectivity.of(net.filterWeights(), recovery, scores,
                    pairs.occurring(), net.activation(), TwoLayerTrace.LEARNED_SCORE);
            set(metrics, RunMetric.CONCENTRATION, selectivity.concentration());
            set(metrics, RunMetric.DEAD_FILTERS, selectivity.deadFilters());
            set(metrics, RunMetric.FILTERS_PER_TOKEN, selectivity.filtersPerToken());
            if (spec.activation() == Activation.LINEAR) {
                DMatrixRMaj[] covariances = new DMatrixRMaj[ts.locations()];
                for (int k = 0; k < covariances.length; k++) {
                    covariances[k] = pairs.inputCovariance(k, embedding);
                }
                set(metrics, RunMetric.RF_TOP_COSINE, FilterSpecialisation.meanTopDirectionCosine(net.filterWeights(),
                        ts.locations(), filters, covariances));
            }
            set(metrics, RunMetric.FINAL_LOSS, trace.finalLoss());
            set(metrics, RunMetric.ALPHA_MEAN, loss.alphaMean());
            set(metrics, RunMetric.ALPHA_MAX, loss.alphaMax());
        }
        long wallMs = (System.nanoTime() - start) / 1_000_000L;
        List<TokenLearning> tokens = trace.learningTimes(TokenStatistics.of(table, pairs), scores);
        return new RunResult(status, error, outcome.stepsDone(), wallMs, metrics, new double[0], List.of(),
                trace.points(), tokens);
    }

    private static void set(double[] metrics, RunMetric m, double value) {
        metrics[m.ordinal()] = value;
    }
}
