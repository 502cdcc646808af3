package org.clsweep.jobs.export.chart;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Vectors of length side² drawn as side × side grayscale images (row-major, as an IDX image),
 * in labelled rows of tiles with a caption under each tile.
 *
 * <pre>
 *   grey(v) = 128 + 127 · v / max_j |v_j|      per tile: 0 is mid-grey, the largest |v_j| is white
 *                                              (v_j &gt; 0) or black (v_j &lt; 0); an all-zero tile is grey
 *   image   = TITLE_HEIGHT + rows · ROW_HEIGHT high, LABEL_WIDTH + columns · (tile + GAP) + GAP wide
 *             (at least wide enough for the title),
 *             tile = side · scale pixels, ROW_HEIGHT = tile + CAPTION_HEIGHT + GAP,
 *             columns = the longest row
 * </pre>
 * A sign-symmetric scale shows what a direction w responds to (white) and against (black); for
 * non-negative data it is the image itself in the upper half of the grey range.
 */
public final class TileGrid {
    public static final int TITLE_HEIGHT = 34;
    public static final int LABEL_WIDTH = 190;
    public static final int CAPTION_HEIGHT = 16;
    public static final int GAP = 8;
    /** Room per character of the title (15 pt bold sans), so that it is never cut. */
    static final int TITLE_CHAR_WIDTH = 9;

    private final String title;
    private final int side;
    private final int scale;
    private final List<String> labels = new ArrayList<>();
    private final List<List<Tile>> rows = new ArrayList<>();

    /**
     * @param title the line above the grid
     * @param side  the image side: every tile holds side² values
     * @param scale pixels per value along each axis, ≥ 1
     */
    public TileGrid(String title, int side, int scale) {
        if (side < 1 || scale < 1) {
            throw new IllegalArgumentException("side and scale must be >= 1, found " + side + ", " + scale);
        }
        this.title = title;
        this.side = side;
        this.scale = scale;
    }

    /**
     * Adds a row.
     *
     * @param label the row's label, drawn at its left
     * @param tiles its tiles, each of side² values. Not modified.
     * @return this grid
     */
    public TileGrid row(String label, List<Tile> tiles) {
        for (Tile t : tiles) {
            if (t.values().length != side * side) {
                throw new IllegalArgumentException("a tile of " + t.values().length + " values in a grid of "
                        + side + " × " + side);
            }
        }
        labels.add(label);
        rows.add(List.copyOf(tiles));
        return this;
    }

    /** The image width in pixels. */
    public int width() {
        int columns = 1;
        for (List<Tile> r : rows) {
            columns = Math.max(columns, r.size());
        }
        return Math.max(LABEL_WIDTH + columns * (side * scale + GAP) + GAP, 2 * GAP + TITLE_CHAR_WIDTH * title.length());
    }

    /** The image height in pixels. */
    public int height() {
        return TITLE_HEIGHT + rows.size() * (side * scale + CAPTION_HEIGHT + GAP);
    }

    /** The grid as a PNG. */
    public byte[] png() {
        BufferedImage img = new BufferedImage(width(), height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, img.getWidth(), img.getHeight());
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
            g.drawString(title, GAP, 22);
            Font small = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
            Font label = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
            int tile = side * scale;
            for (int r = 0; r < rows.size(); r++) {
                int y = TITLE_HEIGHT + r * (tile + CAPTION_HEIGHT + GAP);
                g.setColor(Color.BLACK);
                g.setFont(label);
                g.drawString(labels.get(r), GAP, y + tile / 2 + 5);
                List<Tile> row = rows.get(r);
                for (int c = 0; c < row.size(); c++) {
                    int x = LABEL_WIDTH + c * (tile + GAP);
                    draw(img, row.get(c).values(), x, y);
                    g.setColor(Color.BLACK);
                    g.setFont(small);
                    FontMetrics fm = g.getFontMetrics();
                    String caption = row.get(c).caption();
                    g.drawString(caption, x + Math.max(0, (tile - fm.stringWidth(caption)) / 2), y + tile + 12);
                }
            }
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a PNG in memory", e);
        }
        return out.toByteArray();
    }

    private void draw(BufferedImage img, double[] v, int x0, int y0) {
        double max = 0.0;
        for (double x : v) {
            max = Math.max(max, Math.abs(x));
        }
        for (int i = 0; i < side; i++) {
            for (int j = 0; j < side; j++) {
                double x = v[i * side + j];
                int grey = max > 0.0 && Double.isFinite(x) ? (int) Math.round(128 + 127 * x / max) : 128;
                int rgb = (grey << 16) | (grey << 8) | grey;
                for (int a = 0; a < scale; a++) {
                    for (int b = 0; b < scale; b++) {
                        img.setRGB(x0 + j * scale + b, y0 + i * scale + a, rgb);
                    }
                }
            }
        }
    }

    /**
     * One image of the grid.
     *
     * @param values  side² values, row-major. Not modified.
     * @param caption the line under it
     */
    public record Tile(double[] values, String caption) {
    }
}
