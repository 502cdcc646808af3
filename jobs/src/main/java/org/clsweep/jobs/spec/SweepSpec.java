package org.clsweep.jobs.spec;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValueFactory;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clsweep.data.spec.SpecKey;
import org.clsweep.data.spec.SpecValues;

/**
 * A parsed sweep: its name, seeds, the base value of every parameter and the grid. Produced only
 * by {@link SpecParser}; immutable. Expanding the grid into cells is the job of
 * {@code org.clsweep.jobs.grid.Grid}.
 *
 * <pre>
 *   runs  = cells × seeds
 *   cells = Σ_blocks Π_axes |values|      (a block without axes is one cell)
 *   hash  = SHA-256( concise JSON of toConfig(), keys sorted )
 * </pre>
 *
 * @param name  {@code sweep.name}
 * @param seeds {@code sweep.seeds}, distinct, in spec order
 * @param base  every parameter's value outside the grid
 * @param grid  at least one block
 */
public record SweepSpec(String name, List<Long> seeds, SpecValues base, List<GridBlock> grid) {
    public SweepSpec {
        seeds = List.copyOf(seeds);
        grid = List.copyOf(grid);
        if (grid.isEmpty()) {
            throw new IllegalArgumentException("a sweep has at least one grid block");
        }
    }

    /**
     * The resolved spec in canonical form: a {@code sweep { … }} tree with every key, the grid as
     * one object (one block) or a list of objects. It parses back to an equal spec. A key added
     * after the first catalogue ({@link SpecKey#since()} &gt; 1) is left out while it holds its
     * default, so that adding a key leaves the hash of every existing spec as it was.
     */
    public Config toConfig() {
        Map<String, Object> sweep = new LinkedHashMap<>();
        sweep.put(SpecParser.NAME, name);
        sweep.put(SpecParser.SEEDS, seeds);
        for (Map.Entry<SpecKey, Object> e : base.asMap().entrySet()) {
            SpecKey k = e.getKey();
            if (k.since() == 1 || !e.getValue().equals(k.defaultValue())) {
                putPath(sweep, k.key(), e.getValue());
            }
        }
        List<Object> blocks = new ArrayList<>();
        for (GridBlock block : grid) {
            Map<String, Object> b = new LinkedHashMap<>();
            for (GridAxis axis : block.axes()) {
                putPath(b, axis.parameter().key(), axis.values());
            }
            blocks.add(b);
        }
        sweep.put(SpecParser.GRID, blocks.size() == 1 ? blocks.get(0) : blocks);
        return ConfigValueFactory.fromMap(Map.of(SpecParser.SWEEP, sweep)).toConfig();
    }

    /** {@link #toConfig()} as concise JSON (keys sorted): the text the spec hash is taken of. */
    public String canonicalJson() {
        return toConfig().root().render(ConfigRenderOptions.concise());
    }

    /** {@link #toConfig()} as readable HOCON, for people and for {@code --set}-free reruns. */
    public String render() {
        return toConfig().root().render(ConfigRenderOptions.defaults().setOriginComments(false).setJson(false));
    }

    /** The spec hash: lower-case hex SHA-256 of {@link #canonicalJson()}. */
    public String hash() {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(canonicalJson().getBytes(StandardCharsets.UTF_8));
            StringBuilder sb = new StringBuilder(64);
            for (byte b : h) {
                sb.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
            }
            return sb.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /** The number of grid cells, before checking them (see {@code Grid.expand}). */
    public long cellCount() {
        long n = 0;
        for (GridBlock b : grid) {
            n += b.size();
        }
        return n;
    }

    @SuppressWarnings("unchecked")
    private static void putPath(Map<String, Object> root, String dotted, Object value) {
        String[] parts = dotted.split("\\.");
        Map<String, Object> m = root;
        for (int i = 0; i < parts.length - 1; i++) {
            m = (Map<String, Object>) m.computeIfAbsent(parts[i], k -> new LinkedHashMap<String, Object>());
        }
        m.put(parts[parts.length - 1], value);
    }
}
