package org.clsweep.data.spec;

import java.io.Serializable;
import java.util.List;

/**
 * The two-layer token generator, spec block {@code tokens} (SCIENCE.md §3).
 *
 * @param vocab        {@code tokens.vocab}, n tokens
 * @param locations    {@code tokens.locations}, K receptive fields
 * @param perLocation  {@code tokens.per_location}, P allowed tokens per location, 1 ≤ P ≤ n
 * @param patterns     {@code tokens.patterns}, G global patterns
 * @param patternLen   {@code tokens.pattern_len}, L fixed locations per pattern, 1 ≤ L ≤ K
 * @param augDegree    {@code tokens.aug_degree}, wildcard slots view 2 redraws, ≤ K − L
 * @param embedDim     {@code tokens.embed_dim}, 0 for one-hot (d = n), else random unit vectors in R^d
 * @param magSplit     {@code tokens.mag_split}, s &gt; 0: first half of the tokens scaled by 1/s, second by s
 * @param explicitPatterns {@code tokens.explicit_patterns}: global patterns written out as strings
 *                     (format: {@link TokenPatternFormat}); empty = generate G random patterns. When
 *                     given, they replace the random patterns: {@code per_location}, {@code patterns}
 *                     and {@code pattern_len} are then not used, and each pattern must leave at least
 *                     {@code aug_degree} wildcards instead of {@code aug_degree ≤ locations − pattern_len}
 * @param decouple     {@code tokens.decouple}: every location draws its own global pattern and
 *                     redraws its own wildcard (the decoupled control of {@code DecoupledTokenPairGenerator}:
 *                     each location's pair law as in the coupled data, no dependence between locations)
 */
public record TokenSpec(int vocab, int locations, int perLocation, int patterns, int patternLen,
                        int augDegree, int embedDim, double magSplit, List<String> explicitPatterns,
                        boolean decouple)
        implements Serializable {
    public TokenSpec {
        explicitPatterns = List.copyOf(SpecKey.TOKENS_EXPLICIT_PATTERNS.requirePresent(explicitPatterns));
        SpecKey.TOKENS_VOCAB.check(vocab);
        SpecKey.TOKENS_LOCATIONS.check(locations);
        SpecKey.TOKENS_PER_LOCATION.check(perLocation);
        atMost(SpecKey.TOKENS_PER_LOCATION, perLocation, SpecKey.TOKENS_VOCAB.key(), vocab);
        SpecKey.TOKENS_PATTERNS.check(patterns);
        SpecKey.TOKENS_PATTERN_LEN.check(patternLen);
        atMost(SpecKey.TOKENS_PATTERN_LEN, patternLen, SpecKey.TOKENS_LOCATIONS.key(), locations);
        SpecKey.TOKENS_AUG_DEGREE.check(augDegree);
        if (explicitPatterns.isEmpty()) {
            atMost(SpecKey.TOKENS_AUG_DEGREE, augDegree, SpecKey.TOKENS_LOCATIONS.key() + " − "
                    + SpecKey.TOKENS_PATTERN_LEN.key(), locations - patternLen);
        }
        SpecKey.TOKENS_EMBED_DIM.check(embedDim);
        SpecKey.TOKENS_MAG_SPLIT.check(magSplit);
        if (!explicitPatterns.isEmpty()) {
            TokenPatternFormat.parse(explicitPatterns, vocab, locations, augDegree);
        }
    }

    /** The block's record from its keys. */
    static TokenSpec from(SpecValues v) {
        return new TokenSpec(
                v.integer(SpecKey.TOKENS_VOCAB),
                v.integer(SpecKey.TOKENS_LOCATIONS),
                v.integer(SpecKey.TOKENS_PER_LOCATION),
                v.integer(SpecKey.TOKENS_PATTERNS),
                v.integer(SpecKey.TOKENS_PATTERN_LEN),
                v.integer(SpecKey.TOKENS_AUG_DEGREE),
                v.integer(SpecKey.TOKENS_EMBED_DIM),
                v.real(SpecKey.TOKENS_MAG_SPLIT),
                v.strings(SpecKey.TOKENS_EXPLICIT_PATTERNS),
                v.bool(SpecKey.TOKENS_DECOUPLE));
    }

    /** {@code key ≤ bound}, the bound named by {@code boundName} in the message. */
    private static void atMost(SpecKey key, int value, String boundName, int bound) {
        if (value > bound) {
            throw new SpecException(key.key(), key.key() + " must be <= " + boundName + " (" + bound + "), found "
                    + value);
        }
    }

    /** The input dimension of one receptive field: n for one-hot, else {@code embedDim}. */
    public int fieldDim() {
        return embedDim == 0 ? vocab : embedDim;
    }
}
