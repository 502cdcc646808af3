package org.clsweep.jobs.regress.report;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;

/**
 * A small streaming JSON writer for the report: objects, arrays, strings, numbers, booleans and
 * null, two-space indentation. Non-finite numbers (NaN, ±∞) have no JSON form and are written as
 * null. Misuse (a value without a name inside an object, unbalanced ends) throws.
 */
final class JsonWriter {
    private final StringBuilder out = new StringBuilder();
    /** One entry per open container: true for an object. */
    private final Deque<Boolean> stack = new ArrayDeque<>();
    /** Whether the open container already holds an element. */
    private final Deque<Boolean> nonEmpty = new ArrayDeque<>();
    private boolean nameWritten;

    JsonWriter beginObject() {
        beforeValue();
        out.append('{');
        stack.push(true);
        nonEmpty.push(false);
        return this;
    }

    JsonWriter endObject() {
        return end(true, '}');
    }

    JsonWriter beginArray() {
        beforeValue();
        out.append('[');
        stack.push(false);
        nonEmpty.push(false);
        return this;
    }

    JsonWriter endArray() {
        return end(false, ']');
    }

    JsonWriter name(String name) {
        if (stack.isEmpty() || !stack.peek() || nameWritten) {
            throw new IllegalStateException("a name belongs directly inside an object: " + name);
        }
        separate();
        quote(name);
        out.append(": ");
        nameWritten = true;
        return this;
    }

    JsonWriter value(String s) {
        if (s == null) {
            return nullValue();
        }
        beforeValue();
        quote(s);
        return this;
    }

    JsonWriter value(double v) {
        if (!Double.isFinite(v)) {
            return nullValue();
        }
        beforeValue();
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            out.append((long) v);
        } else {
            out.append(v);
        }
        return this;
    }

    JsonWriter value(long v) {
        beforeValue();
        out.append(v);
        return this;
    }

    JsonWriter value(boolean v) {
        beforeValue();
        out.append(v);
        return this;
    }

    JsonWriter nullValue() {
        beforeValue();
        out.append("null");
        return this;
    }

    /** The document; every container must be closed. */
    String toJson() {
        if (!stack.isEmpty()) {
            throw new IllegalStateException(stack.size() + " containers are still open");
        }
        return out.append('\n').toString();
    }

    private JsonWriter end(boolean object, char c) {
        if (stack.isEmpty() || stack.peek() != object || nameWritten) {
            throw new IllegalStateException("unbalanced " + c);
        }
        stack.pop();
        boolean had = nonEmpty.pop();
        if (had) {
            newline();
        }
        out.append(c);
        return this;
    }

    private void beforeValue() {
        if (stack.isEmpty()) {
            if (out.length() > 0) {
                throw new IllegalStateException("a JSON document holds one value");
            }
            return;
        }
        if (stack.peek()) {
            if (!nameWritten) {
                throw new IllegalStateException("a value inside an object needs a name first");
            }
            nameWritten = false;
            return;
        }
        separate();
    }

    private void separate() {
        if (nonEmpty.peek()) {
            out.append(',');
        }
        nonEmpty.pop();
        nonEmpty.push(true);
        newline();
    }

    private void newline() {
        out.append('\n');
        for (int i = 0; i < stack.size(); i++) {
            out.append("  ");
        }
    }

    private void quote(String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"':
                    out.append("\\\"");
                    break;
                case '\\':
                    out.append("\\\\");
                    break;
                case '\n':
                    out.append("\\n");
                    break;
                case '\r':
                    out.append("\\r");
                    break;
                case '\t':
                    out.append("\\t");
                    break;
                default:
                    if (c < 0x20) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
            }
        }
        out.append('"');
    }
}
