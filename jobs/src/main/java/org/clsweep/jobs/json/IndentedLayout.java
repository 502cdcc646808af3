package org.clsweep.jobs.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.PrettyPrinter;
import com.fasterxml.jackson.core.util.Instantiatable;
import java.io.IOException;

/**
 * An indented JSON layout: every object member and array element on a line of its own, indented by
 * a fixed number of spaces per level, a fixed separator between a member's name and its value, and
 * empty objects and arrays written as {@code {}} and {@code []}.
 *
 * <pre>
 *   {                       indent 2, name separator ": "
 *     "a": [
 *       1,
 *       {}
 *     ]
 *   }
 * </pre>
 */
public final class IndentedLayout implements PrettyPrinter, Instantiatable<IndentedLayout> {
    private final String unit;
    private final String nameSeparator;
    /** Containers open at the current position of the document being written. */
    private int depth;

    /**
     * @param indent        spaces per level, at least 1
     * @param nameSeparator what stands between a member's quoted name and its value, e.g. {@code ": "}
     */
    public IndentedLayout(int indent, String nameSeparator) {
        if (indent < 1) {
            throw new IllegalArgumentException("indent must be at least 1, found " + indent);
        }
        this.unit = " ".repeat(indent);
        this.nameSeparator = nameSeparator;
    }

    private IndentedLayout(IndentedLayout layout) {
        this.unit = layout.unit;
        this.nameSeparator = layout.nameSeparator;
    }

    /** A copy at the start of a document: the layout keeps the nesting depth of the document it writes. */
    @Override
    public IndentedLayout createInstance() {
        return new IndentedLayout(this);
    }

    @Override
    public void writeRootValueSeparator(JsonGenerator g) throws IOException {
        g.writeRaw('\n');
    }

    @Override
    public void writeStartObject(JsonGenerator g) throws IOException {
        g.writeRaw('{');
        depth++;
    }

    @Override
    public void beforeObjectEntries(JsonGenerator g) throws IOException {
        newline(g);
    }

    @Override
    public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
        g.writeRaw(nameSeparator);
    }

    @Override
    public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
        g.writeRaw(',');
        newline(g);
    }

    @Override
    public void writeEndObject(JsonGenerator g, int entries) throws IOException {
        close(g, entries, '}');
    }

    @Override
    public void writeStartArray(JsonGenerator g) throws IOException {
        g.writeRaw('[');
        depth++;
    }

    @Override
    public void beforeArrayValues(JsonGenerator g) throws IOException {
        newline(g);
    }

    @Override
    public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
        g.writeRaw(',');
        newline(g);
    }

    @Override
    public void writeEndArray(JsonGenerator g, int values) throws IOException {
        close(g, values, ']');
    }

    private void close(JsonGenerator g, int members, char bracket) throws IOException {
        depth--;
        if (members > 0) {
            newline(g);
        }
        g.writeRaw(bracket);
    }

    private void newline(JsonGenerator g) throws IOException {
        g.writeRaw('\n');
        g.writeRaw(unit.repeat(depth));
    }
}
