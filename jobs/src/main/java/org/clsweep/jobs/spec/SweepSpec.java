package org.clsweep.jobs.spec;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValueFactory;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
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
 *   hash  = SHA-256( concise JSON of toConfig() with the seeds written one by one, keys sorted )
 * </pre>
 *
 * @param name  {@code sweep.name}
 * @param seeds {@code sweep.seeds}, distinct, in spec order
 * @param base  every parameter's value outside the grid
 * @param grid  at least one block
 */
public record SweepSpec(String name, Seeds seeds, SpecValues base, List<GridBlock> grid) {
    /** Stands in for the seeds while {@link #hash()} renders the rest of the spec. */
    private static final String SEEDS_MARK = "\u0000seeds one by one\u0000";

    public SweepSpec {
        grid = List.copyOf(grid);
        if (grid.isEmpty()) {
            throw new IllegalArgumentException("a sweep has at least one grid block");
        }
    }

    /**
     * The resolved spec in canonical form: a {@code sweep { … }} tree with every key, the grid as
     * one object (one block) or a list of objects, the seeds in their compact form
     * ({@link Seeds#compact()}). It parses back to an equal spec. A key added after the first
     * catalogue ({@link SpecKey#since()} &gt; 1) is left out while it holds its default, so that
     * adding a key leaves the hash of every existing spec as it was.
     */
    public Config toConfig() {
        return toConfig(seeds.compact());
    }

    /** {@link #toConfig()} with {@code seeds} written as {@code seedsValue}. */
    private Config toConfig(Object seedsValue) {
        Map<String, Object> sweep = new LinkedHashMap<>();
        sweep.put(SpecParser.NAME, name);
        sweep.put(SpecParser.SEEDS, seedsValue);
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

    /** {@link #toConfig()} as concise JSON (keys sorted): the manifest's copy of the spec. */
    public String canonicalJson() {
        return toConfig().root().render(ConfigRenderOptions.concise());
    }

    /**
     * The text the spec hash is taken of: {@link #canonicalJson()} with every seed written out
     * one by one, as specs have always been hashed, so that the hash does not depend on how the
     * seeds are written (a count, ranges or a list).
     */
    String hashedJson() {
        return toConfig(seeds).root().render(ConfigRenderOptions.concise());
    }

    /** {@link #toConfig()} as readable HOCON, for people and for {@code --set}-free reruns. */
    public String render() {
        return toConfig().root().render(ConfigRenderOptions.defaults().setOriginComments(false).setJson(false));
    }

    /**
     * The spec hash: lower-case hex SHA-256 of {@link #hashedJson()}. The seeds are fed to the
     * digest one by one rather than rendered into one string, so a spec of 10⁶ seeds costs
     * milliseconds, not a 7 MB text.
     */
    public String hash() {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
        String text = toConfig(SEEDS_MARK).root().render(ConfigRenderOptions.concise());
        String mark = ConfigValueFactory.fromAnyRef(SEEDS_MARK).render(ConfigRenderOptions.concise());
        int at = text.indexOf(mark);
        if (at < 0 || text.lastIndexOf(mark) != at) {
            // the name or a value spells the mark: render the seeds into the text
            digest.update(hashedJson().getBytes(StandardCharsets.UTF_8));
        } else {
            digest.update(text.substring(0, at).getBytes(StandardCharsets.UTF_8));
            StringBuilder list = new StringBuilder(8192).append('[');
            for (int i = 0; i < seeds.size(); i++) {
                if (i > 0) {
                    list.append(',');
                }
                list.append(seeds.get(i).longValue());
                if (list.length() >= 8000) {
                    digest.update(list.toString().getBytes(StandardCharsets.US_ASCII));
                    list.setLength(0);
                }
            }
            digest.update(list.append(']').toString().getBytes(StandardCharsets.US_ASCII));
            digest.update(text.substring(at + mark.length()).getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(digest.digest());
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
