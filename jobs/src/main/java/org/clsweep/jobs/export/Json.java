package org.clsweep.jobs.export;

import java.util.List;
import java.util.Map;

/**
 * A minimal JSON serialiser for the notebook writer: values are {@code Map<String, ?>} (keys
 * written in the map's order), {@code List<?>}, {@code String}, {@code Integer}/{@code Long},
 * {@code Boolean} and {@code null}. Indented by one space per level, as Jupyter writes notebooks,
 * so that exported notebooks diff like hand-saved ones. Non-ASCII text is written as is (UTF-8).
 */
final class Json {
    private Json() {
    }

    /** {@code value} as indented JSON text, ending with a newline. */
    static String write(Object value) {
        StringBuilder sb = new StringBuilder();
        write(sb, value, 0);
        return sb.append('\n').toString();
    }

    private static void write(StringBuilder sb, Object v, int depth) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof String s) {
            string(sb, s);
        } else if (v instanceof Integer || v instanceof Long || v instanceof Boolean) {
            sb.append(v);
        } else if (v instanceof Map<?, ?> m) {
            object(sb, m, depth);
        } else if (v instanceof List<?> l) {
            array(sb, l, depth);
        } else {
            throw new IllegalArgumentException("cannot write " + v.getClass().getName() + " as JSON");
        }
    }

    private static void object(StringBuilder sb, Map<?, ?> m, int depth) {
        if (m.isEmpty()) {
            sb.append("{}");
            return;
        }
        sb.append("{\n");
        int i = 0;
        for (Map.Entry<?, ?> e : m.entrySet()) {
            indent(sb, depth + 1);
            string(sb, (String) e.getKey());
            sb.append(": ");
            write(sb, e.getValue(), depth + 1);
            sb.append(++i < m.size() ? ",\n" : "\n");
        }
        indent(sb, depth);
        sb.append('}');
    }

    private static void array(StringBuilder sb, List<?> l, int depth) {
        if (l.isEmpty()) {
            sb.append("[]");
            return;
        }
        sb.append("[\n");
        for (int i = 0; i < l.size(); i++) {
            indent(sb, depth + 1);
            write(sb, l.get(i), depth + 1);
            sb.append(i + 1 < l.size() ? ",\n" : "\n");
        }
        indent(sb, depth);
        sb.append(']');
    }

    private static void indent(StringBuilder sb, int depth) {
        sb.append(" ".repeat(depth));
    }

    /** Appends {@code s} as a JSON string literal (RFC 8259 escapes). */
    static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
