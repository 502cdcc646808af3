package org.clsweep.data.spec;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * The canonical text of a cell, written from the {@link SpecKey catalogue}: the text whose
 * SHA-256 gives the cell id and from which every run's random streams derive.
 *
 * <pre>
 *   text    = v1 { "; " key " = " later }                    keys of since ≥ 2 whose value ≠ default,
 *                                                            in catalogue order
 *   v1      = "RunSpec[" top ", " block { ", " block } "]"   the keys of since = 1, in catalogue order
 *   top     = name "=" value { ", " name "=" value }         model, mode, activation, leaky_slope, width
 *   block   = b "=" Record(b) "[" name "=" value { ", " name "=" value } "]"
 *   name    = the key's last part in lower camel case        leaky_slope → leakySlope
 *   value   = Double.toString | Integer.toString | true/false | CHOICE in upper case
 *             | "[" s { ", " s } "]" for a string list
 *   later   = String.valueOf(value), strings as they are
 *   key(t)  = the first 8 bytes of SHA-256(UTF-8 t), big-endian;   cell id = key as 16 hex digits
 * </pre>
 * Record(b) is GeometrySpec, TokenSpec, NetSpec, TrainSpec or AnalysisSpec. The version-1 part
 * fixes the identities of every cell written before later keys existed; a key added with a later
 * {@link SpecKey#since()} changes the text, and so the id and the run streams, only of cells that
 * set it to something other than its default.
 */
public final class CellText {
    private CellText() {
    }

    /**
     * One key's contribution to the text.
     *
     * @param key          the dotted spec key
     * @param since        the identity version that introduced the key
     * @param value        the canonical value (see {@link SpecKey#valueOf})
     * @param defaultValue the key's default
     */
    record Entry(String key, int since, Object value, Object defaultValue) {
    }

    /** The canonical text of a resolved cell. */
    public static String of(RunSpec spec) {
        List<Entry> entries = new ArrayList<>(SpecKey.values().length);
        for (SpecKey k : SpecKey.values()) {
            entries.add(new Entry(k.key(), k.since(), k.valueOf(spec), k.defaultValue()));
        }
        return write(entries);
    }

    /**
     * @param entries every key in catalogue order, blocks contiguous. Not modified.
     */
    static String write(List<Entry> entries) {
        StringJoiner v1 = new StringJoiner(", ", "RunSpec[", "]");
        StringBuilder later = new StringBuilder();
        String block = null;
        StringJoiner fields = null;
        for (Entry e : entries) {
            if (e.since() > 1) {
                if (!e.value().equals(e.defaultValue())) {
                    later.append("; ").append(e.key()).append(" = ").append(e.value());
                }
                continue;
            }
            int dot = e.key().indexOf('.');
            String b = dot < 0 ? null : e.key().substring(0, dot);
            if (b != null && !b.equals(block)) {
                if (fields != null) {
                    v1.add(block + "=" + fields);
                }
                fields = new StringJoiner(", ", recordName(b) + "[", "]");
            }
            block = b;
            String field = camel(e.key().substring(dot + 1)) + "=" + v1Value(e.value());
            if (b == null) {
                v1.add(field);
            } else {
                fields.add(field);
            }
        }
        if (fields != null) {
            v1.add(block + "=" + fields);
        }
        return v1 + later.toString();
    }

    /** The first 8 bytes of SHA-256 of the text, big-endian. */
    public static long key(String text) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            long k = 0;
            for (int i = 0; i < 8; i++) {
                k = (k << 8) | (h[i] & 0xff);
            }
            return k;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    private static String v1Value(Object v) {
        if (v instanceof String s) {
            return s.toUpperCase(Locale.ROOT);
        }
        return String.valueOf(v);
    }

    private static String recordName(String block) {
        if (block.equals(SpecKey.Block.TOKENS.specName())) {
            return "TokenSpec";
        }
        return Character.toUpperCase(block.charAt(0)) + block.substring(1) + "Spec";
    }

    private static String camel(String name) {
        StringBuilder sb = new StringBuilder(name.length());
        boolean up = false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '_') {
                up = true;
            } else {
                sb.append(up ? Character.toUpperCase(c) : c);
                up = false;
            }
        }
        return sb.toString();
    }
}
