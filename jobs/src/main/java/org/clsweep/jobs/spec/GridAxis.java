package org.clsweep.jobs.spec;

import java.util.List;
import org.clsweep.data.spec.SpecKey;

/**
 * One axis of a grid block: a parameter and the values it takes, in the order the spec lists them.
 *
 * @param parameter the parameter the axis varies
 * @param values    distinct values of the parameter's canonical type, at least one
 */
public record GridAxis(SpecKey parameter, List<Object> values) {
    public GridAxis {
        values = List.copyOf(values);
        if (values.isEmpty()) {
            throw new IllegalArgumentException("grid axis " + parameter.key() + " has no values");
        }
    }
}
