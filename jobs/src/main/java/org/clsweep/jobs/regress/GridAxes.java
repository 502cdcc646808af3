package org.clsweep.jobs.regress;

import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.clsweep.data.spec.SpecKey;
import org.clsweep.jobs.spec.SpecParser;

/**
 * The grid axes that identify a cell in a comparison: the union of the axes of every grid block
 * of both sides' resolved specs, in parameter order. A cell's coordinates are its values on all
 * of them (a block that lacks an axis contributes the base value, which the runs table holds
 * like any parameter), so cells stay distinct and comparable even when a {@code --set} pinned an
 * axis on one side only.
 */
public final class GridAxes {
    private GridAxes() {
    }

    /**
     * @param sweeps {@code sweep} objects of resolved specs
     * @return the dotted keys of their grid axes, in {@link SpecKey} order
     */
    public static List<String> of(ConfigObject... sweeps) {
        TreeSet<String> keys = new TreeSet<>();
        for (ConfigObject s : sweeps) {
            ConfigValue grid = s.get(SpecParser.GRID);
            if (grid == null) {
                continue;
            }
            if (grid.valueType() == ConfigValueType.LIST) {
                for (ConfigValue block : (ConfigList) grid) {
                    if (block.valueType() == ConfigValueType.OBJECT) {
                        leaves("", (ConfigObject) block, keys);
                    }
                }
            } else if (grid.valueType() == ConfigValueType.OBJECT) {
                leaves("", (ConfigObject) grid, keys);
            }
        }
        List<String> out = new ArrayList<>(keys);
        out.sort(Comparator.comparingInt(GridAxes::rank));
        return out;
    }

    private static int rank(String key) {
        return SpecKey.byKey(key).map(Enum::ordinal).orElse(Integer.MAX_VALUE);
    }

    private static void leaves(String prefix, ConfigObject obj, TreeSet<String> out) {
        for (Map.Entry<String, ConfigValue> e : obj.entrySet()) {
            String key = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
            if (e.getValue().valueType() == ConfigValueType.OBJECT) {
                leaves(key, (ConfigObject) e.getValue(), out);
            } else {
                out.add(key);
            }
        }
    }
}
