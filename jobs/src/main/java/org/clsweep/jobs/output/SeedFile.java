package org.clsweep.jobs.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Function;
import org.clsweep.jobs.json.JsonText;
import org.clsweep.jobs.spec.SpecParser;

/**
 * A long seed list kept beside the manifest. The manifest's spec holds its seeds in compact form
 * (a count, ranges); seeds listed one by one that form no ranges would still make it large, so a
 * list of more than {@value #MAX_INLINE} entries goes to a file of its own and the spec names it:
 *
 * <pre>
 *   OUT/seeds-&lt;h&gt;.json    the list as compact JSON, h = first 16 hex digits of its SHA-256
 *   manifest spec          sweep.seeds = { "file" : "seeds-&lt;h&gt;.json" }
 * </pre>
 * Reading a manifest puts the list back, so every reader sees the whole spec. The name depends
 * only on the list, so attempts of one sweep write the same file.
 */
final class SeedFile {
    /** The most seed list entries the manifest holds itself. */
    static final int MAX_INLINE = 1000;
    /** The member naming the file. */
    static final String FILE = "file";
    static final String PREFIX = "seeds-";
    static final String SUFFIX = ".json";

    /**
     * A spec and the seed file it names.
     *
     * @param spec     the spec JSON, with the seeds replaced by the file's name when there is a file
     * @param fileName the file, or null when the seeds stay in the spec
     * @param fileText the file's text, or null
     */
    record Split(String spec, String fileName, String fileText) {
    }

    private SeedFile() {
    }

    /** Moves a seed list of more than {@value #MAX_INLINE} entries out of {@code specJson}. */
    static Split split(String specJson) {
        JsonNode spec = JsonText.read(specJson);
        JsonNode seeds = spec.path(SpecParser.SWEEP).path(SpecParser.SEEDS);
        if (!seeds.isArray() || seeds.size() <= MAX_INLINE) {
            return new Split(specJson, null, null);
        }
        String text = JsonText.compact(seeds);
        String name = PREFIX + sha256(text).substring(0, 16) + SUFFIX;
        ObjectNode sweep = (ObjectNode) spec.get(SpecParser.SWEEP);
        sweep.putObject(SpecParser.SEEDS).put(FILE, name);
        return new Split(JsonText.compact(spec), name, text);
    }

    /**
     * Puts a seed list kept in a file back into {@code specJson}.
     *
     * @param read the text of a file of the output directory, by name
     * @throws IllegalArgumentException naming the file if it does not hold the list it is named after
     */
    static String join(String specJson, Function<String, String> read) {
        JsonNode spec = JsonText.read(specJson);
        JsonNode seeds = spec.path(SpecParser.SWEEP).path(SpecParser.SEEDS);
        if (!seeds.isObject() || !seeds.has(FILE)) {
            return specJson;
        }
        String name = seeds.get(FILE).asText();
        String text = read.apply(name);
        if (!name.equals(PREFIX + sha256(text).substring(0, 16) + SUFFIX)) {
            throw new IllegalArgumentException("the seed list " + name + " does not hold the seeds it is named after"
                    + " (changed or cut short)");
        }
        ((ObjectNode) spec.get(SpecParser.SWEEP)).set(SpecParser.SEEDS, JsonText.read(text));
        return JsonText.compact(spec);
    }

    /** Whether a file of an output directory is a seed list. */
    static boolean isSeedFile(String name) {
        return name.startsWith(PREFIX) && name.endsWith(SUFFIX);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
