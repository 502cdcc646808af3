package org.clsweep.data.spec;

import java.util.ArrayList;
import java.util.List;

/**
 * The text format of explicit global patterns, spec key {@code tokens.explicit_patterns}. It is
 * the format of the paper's reference code ({@code distri.specific}), kept so that its pattern
 * strings can be pasted unchanged.
 *
 * <pre>
 *   entry    = pattern { "-" pattern }          one list entry may hold several patterns
 *   pattern  = symbol × tokens.locations        symbol k is location k
 *   symbol   = "A".."Z"  (token 0..25)  |  "*"  (wildcard)
 *
 *   ["AB***-*BC**-**CDE"]  ≡  ["AB***", "*BC**", "**CDE"]     (K = 5, three patterns)
 * </pre>
 * Rules: every letter names a token below {@code tokens.vocab} (so only the first 26 tokens can
 * be fixed); a pattern fixes at least one location; and it leaves at least {@code tokens.aug_degree}
 * wildcards, since view 2 redraws that many wildcard slots. Blanks around a pattern are ignored.
 * Wildcards are written {@code -1} in the parsed table.
 */
public final class TokenPatternFormat {
    /** The wildcard symbol. */
    public static final char WILDCARD = '*';
    /** Separates patterns inside one entry. */
    public static final char SEPARATOR = '-';
    /** A wildcard in the parsed table. */
    public static final int WILDCARD_ID = -1;

    private static final String KEY = SpecKey.TOKENS_EXPLICIT_PATTERNS.key();

    private TokenPatternFormat() {
    }

    /**
     * Parses and validates explicit patterns.
     *
     * @param entries   the spec entries. Not modified.
     * @param vocab     n, {@code tokens.vocab}
     * @param locations K, {@code tokens.locations}
     * @param augDegree {@code tokens.aug_degree}
     * @return one row of K token ids per pattern, {@link #WILDCARD_ID} for a wildcard
     * @throws SpecException naming {@code tokens.explicit_patterns} and the offending pattern
     */
    public static int[][] parse(List<String> entries, int vocab, int locations, int augDegree) {
        List<int[]> rows = new ArrayList<>();
        for (String entry : entries) {
            if (entry == null) {
                throw new SpecException(KEY, KEY + " must not contain null entries");
            }
            for (String raw : entry.split(String.valueOf(SEPARATOR), -1)) {
                rows.add(parseOne(raw.strip(), vocab, locations, augDegree));
            }
        }
        if (rows.isEmpty()) {
            throw new SpecException(KEY, KEY + " holds no pattern");
        }
        return rows.toArray(new int[0][]);
    }

    private static int[] parseOne(String p, int vocab, int locations, int augDegree) {
        if (p.length() != locations) {
            throw new SpecException(KEY, KEY + ": pattern '" + p + "' has " + p.length()
                    + " symbols, expected " + SpecKey.TOKENS_LOCATIONS.key() + " = " + locations);
        }
        int[] row = new int[locations];
        int wildcards = 0;
        for (int k = 0; k < locations; k++) {
            char c = p.charAt(k);
            if (c == WILDCARD) {
                row[k] = WILDCARD_ID;
                wildcards++;
            } else if (c >= 'A' && c <= 'Z') {
                int a = c - 'A';
                if (a >= vocab) {
                    throw new SpecException(KEY, KEY + ": pattern '" + p + "' uses token " + c + " (id " + a
                            + "), but " + SpecKey.TOKENS_VOCAB.key() + " = " + vocab);
                }
                row[k] = a;
            } else {
                throw new SpecException(KEY, KEY + ": pattern '" + p + "' has symbol '" + c
                        + "' at location " + k + "; expected A-Z or " + WILDCARD);
            }
        }
        if (wildcards == locations) {
            throw new SpecException(KEY, KEY + ": pattern '" + p + "' fixes no location");
        }
        if (wildcards < augDegree) {
            throw new SpecException(KEY, KEY + ": pattern '" + p + "' has " + wildcards
                    + " wildcards, fewer than " + SpecKey.TOKENS_AUG_DEGREE.key() + " = " + augDegree);
        }
        return row;
    }

    /**
     * Writes one pattern row back in this format.
     *
     * @param row K token ids, {@link #WILDCARD_ID} for a wildcard; ids above 25 are written as
     *            {@code ?} since the format cannot name them. Not modified.
     */
    public static String format(int[] row) {
        StringBuilder sb = new StringBuilder(row.length);
        for (int a : row) {
            sb.append(a == WILDCARD_ID ? WILDCARD : a < 26 ? (char) ('A' + a) : '?');
        }
        return sb.toString();
    }
}
