package org.clsweep.jobs.export.notebook;

import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One {@code display_data} output of a code cell: a bundle of representations of the same thing,
 * keyed by MIME type ({@code image/png} as base64, {@code text/html}, {@code text/plain}), in the
 * order a reader should prefer them.
 *
 * @param data MIME type → content
 */
public record CellOutput(Map<String, String> data) {
    public static final String PNG = "image/png";
    public static final String HTML = "text/html";
    public static final String PLAIN = "text/plain";

    public CellOutput {
        if (data.isEmpty()) {
            throw new IllegalArgumentException("an output needs at least one representation");
        }
        data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
    }

    /** A PNG image, with {@code caption} as its plain-text form. */
    public static CellOutput image(byte[] png, String caption) {
        Map<String, String> d = new LinkedHashMap<>();
        d.put(PNG, Base64.getEncoder().encodeToString(png));
        d.put(PLAIN, caption);
        return new CellOutput(d);
    }

    /** A table, as an HTML {@code <table>} and as aligned text. */
    public static CellOutput table(String html, String plainText) {
        Map<String, String> d = new LinkedHashMap<>();
        d.put(HTML, html);
        d.put(PLAIN, plainText);
        return new CellOutput(d);
    }

    /** Plain text only. */
    public static CellOutput text(String text) {
        return new CellOutput(Map.of(PLAIN, text));
    }
}
