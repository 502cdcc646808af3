package org.clsweep.data.random;

import java.util.SplittableRandom;

/**
 * The named random streams of one run, derived only from the run's seed and its cell key, so a
 * run's numbers never depend on where, when or in which order it ran.
 *
 * <pre>
 *   patterns()  from (seed)              : same seed ⇒ same random patterns in every cell
 *   init()      from (seed, cell, "init") : weight initialisation
 *   data()      from (seed, cell, "data") : sampled minibatches and noise
 *   eval()      from (seed, cell, "eval") : the evaluation batch of InfoNCE's α structure
 * </pre>
 * Each call returns a fresh generator positioned at the start of its stream. Keys are mixed with
 * the SplitMix64 finaliser, the same mixing {@link SplittableRandom} uses.
 */
public final class RunStreams {
    private static final long PATTERNS = 0x7061747465726e73L;
    private static final long INIT = 0x696e6974L;
    private static final long DATA = 0x64617461L;
    private static final long EVAL = 0x6576616cL;

    private final long seed;
    private final long cellKey;

    private RunStreams(long seed, long cellKey) {
        this.seed = seed;
        this.cellKey = cellKey;
    }

    /**
     * @param seed    the run's seed, from the sweep spec
     * @param cellKey a stable key of the cell's resolved parameters (see {@code RunSpec.cellKey()})
     */
    public static RunStreams of(long seed, long cellKey) {
        return new RunStreams(seed, cellKey);
    }

    public SplittableRandom patterns() {
        return new SplittableRandom(mix(mix(seed) ^ PATTERNS));
    }

    public SplittableRandom init() {
        return stream(INIT);
    }

    public SplittableRandom data() {
        return stream(DATA);
    }


    public SplittableRandom eval() {
        return stream(EVAL);
    }

    private SplittableRandom stream(long label) {
        return new SplittableRandom(mix(mix(mix(seed) ^ cellKey) ^ label));
    }

    /** The SplitMix64 finaliser: a bijection on 64-bit values with strong avalanche. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
