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
 */
public record TokenSpec(int vocab, int locations, int perLocation, int patterns, int patternLen,
                        int augDegree, int embedDim, double magSplit, List<String> explicitPatterns)
        implements Serializable {
    public TokenSpec {
        explicitPatterns = List.copyOf(Check.notNull("tokens.explicit_patterns", explicitPatterns));
        Check.atLeast("tokens.vocab", vocab, 1);
        Check.atLeast("tokens.locations", locations, 1);
        Check.atLeast("tokens.per_location", perLocation, 1);
        if (perLocation > vocab) {
            throw new SpecException("tokens.per_location", "tokens.per_location must be <= tokens.vocab ("
                    + vocab + "), found " + perLocation);
        }
        Check.atLeast("tokens.patterns", patterns, 1);
        Check.atLeast("tokens.pattern_len", patternLen, 1);
        if (patternLen > locations) {
            throw new SpecException("tokens.pattern_len", "tokens.pattern_len must be <= tokens.locations ("
                    + locations + "), found " + patternLen);
        }
        Check.atLeast("tokens.aug_degree", augDegree, 0);
        if (explicitPatterns.isEmpty() && augDegree > locations - patternLen) {
            throw new SpecException("tokens.aug_degree", "tokens.aug_degree must be <= tokens.locations − "
                    + "tokens.pattern_len (" + (locations - patternLen) + "), found " + augDegree);
        }
        Check.atLeast("tokens.embed_dim", embedDim, 0);
        Check.positive("tokens.mag_split", magSplit);
        if (!explicitPatterns.isEmpty()) {
            TokenPatternFormat.parse(explicitPatterns, vocab, locations, augDegree);
        }
    }

    /** The input dimension of one receptive field: n for one-hot, else {@code embedDim}. */
    public int fieldDim() {
        return embedDim == 0 ? vocab : embedDim;
    }
}
