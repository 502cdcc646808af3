package org.clsweep.data.spec;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A complete assignment of every {@link SpecKey}: the base values of a sweep, or one grid cell's
 * values, each in the key's canonical type (Integer, Double, Boolean, lower-case String,
 * List&lt;String&gt;). {@link #toRunSpec()} builds the validated records, each from its keys.
 */
public final class SpecValues {
    private final Map<SpecKey, Object> values;

    private SpecValues(Map<SpecKey, Object> values) {
        this.values = values;
    }

    /**
     * @param values a value of the key's canonical type for every key. Not modified.
     * @throws IllegalArgumentException if a key is missing
     */
    public static SpecValues of(Map<SpecKey, Object> values) {
        EnumMap<SpecKey, Object> copy = new EnumMap<>(SpecKey.class);
        copy.putAll(values);
        for (SpecKey k : SpecKey.values()) {
            if (copy.get(k) == null) {
                throw new IllegalArgumentException("no value for " + k.key());
            }
        }
        return new SpecValues(Collections.unmodifiableMap(copy));
    }

    /** Every key at its {@link SpecKey#defaultValue() default}. */
    public static SpecValues defaults() {
        EnumMap<SpecKey, Object> d = new EnumMap<>(SpecKey.class);
        for (SpecKey k : SpecKey.values()) {
            d.put(k, k.defaultValue());
        }
        return new SpecValues(Collections.unmodifiableMap(d));
    }

    /** This assignment with some keys replaced. */
    public SpecValues with(Map<SpecKey, Object> replacements) {
        EnumMap<SpecKey, Object> copy = new EnumMap<>(values);
        copy.putAll(replacements);
        return new SpecValues(Collections.unmodifiableMap(copy));
    }

    public Object get(SpecKey k) {
        return values.get(k);
    }

    /** Every key's value, in {@link SpecKey} order. */
    public Map<SpecKey, Object> asMap() {
        return values;
    }

    /**
     * Builds the run spec. Every record validates itself on construction.
     *
     * @throws SpecException naming the key when a value or a combination is invalid
     */
    public RunSpec toRunSpec() {
        return RunSpec.from(this);
    }

    int integer(SpecKey k) {
        return (Integer) values.get(k);
    }

    double real(SpecKey k) {
        return (Double) values.get(k);
    }

    boolean bool(SpecKey k) {
        return (Boolean) values.get(k);
    }

    @SuppressWarnings("unchecked")
    List<String> strings(SpecKey k) {
        return (List<String>) values.get(k);
    }

    /** A {@link SpecKey.Type#CHOICE} value as the enum constant of the same name. */
    <E extends Enum<E>> E choice(Class<E> type, SpecKey k) {
        return Enum.valueOf(type, ((String) values.get(k)).toUpperCase(Locale.ROOT));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SpecValues other && other.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
