package org.clsweep.jobs.spec;

import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.util.Arrays;
import java.util.Set;
import org.clsweep.data.spec.SpecException;

/**
 * Reads {@code sweep.seeds} into {@link Seeds}. Three forms, which may be mixed in a list:
 *
 * <pre>
 *   seeds = 1000                                  the count n: seeds 1..n
 *   seeds = { from = 1001, to = 2000 }            a range, both ends included
 *   seeds = [7, 9, { from = 100, to = 199 }]      seeds and ranges, in this order
 * </pre>
 * The seeds must be distinct. At most {@value #MAX_COUNT} seeds in all, of which at most
 * {@link SpecParser#MAX_SEEDS} listed one by one.
 */
final class SeedsReader {
    /** The most seeds a sweep may have, however they are written. */
    static final long MAX_COUNT = 100_000_000L;
    private static final String FORMS = "a count (seeds = 4 means 1..4), a range ({ from = 1, to = 4 }) or a list "
            + "of seeds and ranges";

    private SeedsReader() {
    }

    /** @throws SpecException on key {@code seeds}, naming the problem and where it is */
    static Seeds read(ConfigValue v) {
        String key = SpecParser.SEEDS;
        if (v == null || v.valueType() == ConfigValueType.NULL) {
            throw new SpecException(key, "seeds is missing: give " + FORMS);
        }
        Seeds seeds;
        if (v.valueType() == ConfigValueType.NUMBER) {
            Long n = SpecParser.integral(v);
            if (n == null) {
                throw SpecParser.wrongType(key, FORMS, v);
            }
            if (n < 1 || n > MAX_COUNT) {
                throw new SpecException(key, "seeds as a count must be in [1, " + MAX_COUNT + "], found " + n
                        + SpecParser.at(v));
            }
            seeds = Seeds.count(n);
        } else if (v.valueType() == ConfigValueType.OBJECT) {
            long[] r = range((ConfigObject) v, key);
            seeds = Seeds.ofRanges(new long[] {r[0]}, new long[] {r[1]});
        } else if (v.valueType() == ConfigValueType.LIST) {
            seeds = list((ConfigList) v);
        } else {
            throw SpecParser.wrongType(key, FORMS, v);
        }
        if (seeds.count() > MAX_COUNT) {
            throw new SpecException(key, "seeds holds " + seeds.count() + " seeds, at most " + MAX_COUNT + " allowed"
                    + SpecParser.at(v));
        }
        if (!seeds.distinct()) {
            throw new SpecException(key, "seeds lists " + repeated(seeds) + " twice" + SpecParser.at(v));
        }
        return seeds;
    }

    private static Seeds list(ConfigList list) {
        String key = SpecParser.SEEDS;
        if (list.isEmpty()) {
            throw new SpecException(key, "seeds lists no seeds" + SpecParser.at(list));
        }
        long[] first = new long[list.size()];
        long[] last = new long[list.size()];
        int single = 0;
        for (int i = 0; i < list.size(); i++) {
            ConfigValue e = list.get(i);
            String at = key + "[" + i + "]";
            if (e.valueType() == ConfigValueType.OBJECT) {
                long[] r = range((ConfigObject) e, at);
                first[i] = r[0];
                last[i] = r[1];
                continue;
            }
            Long s = e.valueType() == ConfigValueType.NUMBER ? SpecParser.integral(e) : null;
            if (s == null) {
                throw SpecParser.wrongType(at, "an integer or a range { from = a, to = b }", e);
            }
            if (++single > SpecParser.MAX_SEEDS) {
                throw new SpecException(key, "seeds lists more than " + SpecParser.MAX_SEEDS + " seeds one by one;"
                        + " write runs of consecutive seeds as ranges { from = a, to = b }" + SpecParser.at(list));
            }
            first[i] = s;
            last[i] = s;
        }
        return Seeds.ofRanges(first, last);
    }

    /** {from, to} of a range object, from ≤ to. */
    private static long[] range(ConfigObject o, String at) {
        if (!o.keySet().equals(Set.of(Seeds.FROM, Seeds.TO))) {
            throw new SpecException(SpecParser.SEEDS, at + " must be a range { from = a, to = b }, found the keys "
                    + o.keySet() + SpecParser.at(o));
        }
        Long from = SpecParser.integral(o.get(Seeds.FROM));
        Long to = SpecParser.integral(o.get(Seeds.TO));
        if (from == null || to == null) {
            throw SpecParser.wrongType(at, "a range of integers { from = a, to = b }", o);
        }
        if (to < from) {
            throw new SpecException(SpecParser.SEEDS, at + " is the empty range " + from + ".." + to
                    + ": to must be ≥ from" + SpecParser.at(o));
        }
        if (Long.compareUnsigned(to - from, MAX_COUNT) >= 0) {
            throw new SpecException(SpecParser.SEEDS, at + " holds more than " + MAX_COUNT + " seeds, at most "
                    + MAX_COUNT + " allowed" + SpecParser.at(o));
        }
        return new long[] {from, to};
    }

    /** The smallest seed that two of the runs both hold. */
    private static long repeated(Seeds seeds) {
        long[] from = new long[seeds.runCount()];
        long[] to = new long[seeds.runCount()];
        for (int j = 0; j < from.length; j++) {
            from[j] = seeds.runFirst(j);
            to[j] = seeds.runLast(j);
        }
        Integer[] order = new Integer[from.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> Long.compare(from[x], from[y]));
        long best = Long.MAX_VALUE;
        long reach = Long.MIN_VALUE;
        for (int k = 0; k < order.length; k++) {
            int i = order[k];
            if (k > 0 && from[i] <= reach) {
                best = Math.min(best, from[i]);
            }
            reach = Math.max(reach, to[i]);
        }
        return best;
    }
}
