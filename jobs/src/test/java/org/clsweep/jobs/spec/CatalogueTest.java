package org.clsweep.jobs.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.clsweep.data.spec.SpecKey;
import org.clsweep.data.spec.SpecValues;
import org.junit.jupiter.api.Test;

/**
 * The catalogue ({@link SpecKey}) is the one home of the spec keys: the shipped defaults file and
 * the README's key table agree with it, and no other main source spells a key or its column.
 */
class CatalogueTest {
    private static final Path ROOT = Path.of("..");
    private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);

    @Test
    void theShippedDefaultsAreTheCataloguesDefaults() {
        SweepSpec minimal = SpecParser.parseString("sweep { name = d, seeds = 1 }", "minimal.conf", List.of());
        assertThat(minimal.base()).isEqualTo(SpecValues.defaults());
    }

    @Test
    void theReadmeTableGivesEveryKeyWithItsTypeDefaultAndMeaning() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        for (SpecKey k : SpecKey.values()) {
            Matcher m = Pattern.compile("^\\| `" + Pattern.quote(k.key()) + "` \\| ([^|]+) \\| `([^`]*)` \\| (.*) \\|$",
                    Pattern.MULTILINE).matcher(readme);
            assertThat(m.find()).as("README row of %s", k.key()).isTrue();
            assertThat(m.group(1).trim()).as("type of %s", k.key()).isEqualTo(typeName(k));
            SweepSpec withDefault = SpecParser.parseString("sweep { name = d, seeds = 1, " + k.key() + " = "
                    + m.group(2) + " }", "README.md", List.of());
            assertThat(withDefault.base().get(k)).as("README default of %s", k.key()).isEqualTo(k.defaultValue());
            assertThat(m.group(3)).as("meaning of %s", k.key()).isEqualTo(k.description().replace("|", "\\|"));
        }
    }

    @Test
    void noOtherMainSourceSpellsAKeyOrAColumn() throws IOException {
        List<String> offenders = new ArrayList<>();
        List<Path> sources;
        try (Stream<Path> s = Files.walk(ROOT)) {
            sources = s.filter(p -> p.toString().endsWith(".java") && p.toString().contains("src" + java.io.File.separator
                    + "main")).toList();
        }
        for (Path p : sources) {
            if (p.getFileName().toString().equals("SpecKey.java")) {
                continue;
            }
            String text = COMMENT.matcher(Files.readString(p)).replaceAll("");
            for (SpecKey k : SpecKey.values()) {
                for (String name : List.of(k.key(), k.column())) {
                    if (text.contains("\"" + name + "\"")) {
                        offenders.add(ROOT.relativize(p) + ": \"" + name + "\"");
                    }
                }
            }
        }
        assertThat(offenders).isEmpty();
    }

    private static String typeName(SpecKey k) {
        return switch (k.type()) {
            case STRING_LIST -> "string list";
            case INT_LIST -> "int list";
            default -> k.type().name().toLowerCase(Locale.ROOT);
        };
    }
}
