package org.clsweep.jobs.export.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Tiles decode as a PNG of the stated size, with the sign-symmetric grey scale of each tile. */
class TileGridTest {
    private static final int SIDE = 4;
    private static final int SCALE = 3;

    private static double[] ramp(double sign) {
        double[] v = new double[SIDE * SIDE];
        for (int i = 0; i < v.length; i++) {
            v[i] = sign * i;
        }
        return v;
    }

    private static int grey(BufferedImage img, int x, int y) {
        return img.getRGB(x, y) & 0xff;
    }

    @Test
    void aGridOfTwoRowsDecodesWithItsSizeAndGreyScale() throws Exception {
        TileGrid grid = new TileGrid("tiles", SIDE, SCALE)
                .row("first", List.of(new TileGrid.Tile(ramp(1), "up"), new TileGrid.Tile(ramp(-1), "down"),
                        new TileGrid.Tile(new double[SIDE * SIDE], "zero")))
                .row("second", List.of(new TileGrid.Tile(ramp(1), "up")));
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(grid.png()));
        int tile = SIDE * SCALE;
        assertThat(img.getWidth()).isEqualTo(grid.width())
                .isEqualTo(TileGrid.LABEL_WIDTH + 3 * (tile + TileGrid.GAP) + TileGrid.GAP);
        assertThat(img.getHeight()).isEqualTo(grid.height())
                .isEqualTo(TileGrid.TITLE_HEIGHT + 2 * (tile + TileGrid.CAPTION_HEIGHT + TileGrid.GAP));
        int x0 = TileGrid.LABEL_WIDTH;
        int y0 = TileGrid.TITLE_HEIGHT;
        // first tile: value 0 at pixel (0, 0) is mid-grey, the largest (15, at the last pixel) white
        assertThat(grey(img, x0, y0)).isEqualTo(128);
        assertThat(grey(img, x0 + tile - 1, y0 + tile - 1)).isEqualTo(255);
        // value 5 of 15 in row 1, column 1 of the tile: 128 + 127 · 5/15
        assertThat(grey(img, x0 + SCALE + 1, y0 + SCALE + 1)).isEqualTo((int) Math.round(128 + 127 * 5.0 / 15));
        // second tile: the negative ramp ends black; the all-zero third tile is grey throughout
        int x1 = x0 + tile + TileGrid.GAP;
        assertThat(grey(img, x1 + tile - 1, y0 + tile - 1)).isEqualTo(1);
        int x2 = x1 + tile + TileGrid.GAP;
        assertThat(grey(img, x2 + tile - 1, y0)).isEqualTo(128);
    }

    @Test
    void aTileOfTheWrongLengthIsRefused() {
        assertThatThrownBy(() -> new TileGrid("t", SIDE, SCALE).row("r", List.of(new TileGrid.Tile(new double[5], "x"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a tile of 5 values in a grid of 4 × 4");
    }
}
