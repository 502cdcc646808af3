package org.clsweep.jobs.export.chart;

/**
 * One rendered figure of an export: its number in the notebook, a file-name slug, its caption,
 * and the PNG bytes (also written to {@code DIR/figures/}).
 *
 * @param number  1, 2, … in notebook order
 * @param slug    lower-case words joined by '-', e.g. {@code distinct-optima-vs-width}
 * @param caption the figure's one-line description
 * @param png     the image
 */
public record Figure(int number, String slug, String caption, byte[] png) {
    /** The file name under {@code figures/}, e.g. {@code fig01-distinct-optima-vs-width.png}. */
    public String fileName() {
        return String.format("fig%02d-%s.png", number, slug);
    }
}
