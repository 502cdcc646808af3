package org.clsweep.jobs.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.clsweep.data.spec.SpecKey;
import org.clsweep.jobs.grid.Cell;

/** Prints cells as an aligned text table: index, cell id, and one column per grid axis. */
final class CellTable {
    private CellTable() {
    }

    static void print(PrintWriter out, List<Cell> cells, List<SpecKey> axes) {
        List<String[]> rows = new ArrayList<>();
        String[] header = new String[2 + axes.size()];
        header[0] = "#";
        header[1] = "cell_id";
        for (int a = 0; a < axes.size(); a++) {
            header[2 + a] = axes.get(a).key();
        }
        rows.add(header);
        for (Cell c : cells) {
            String[] r = new String[header.length];
            r[0] = Integer.toString(c.index());
            r[1] = c.cellId();
            for (int a = 0; a < axes.size(); a++) {
                r[2 + a] = String.valueOf(axes.get(a).valueOf(c.spec()));
            }
            rows.add(r);
        }
        int[] w = new int[header.length];
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                w[i] = Math.max(w[i], r[i].length());
            }
        }
        for (String[] r : rows) {
            StringBuilder sb = new StringBuilder(" ");
            for (int i = 0; i < r.length; i++) {
                sb.append(' ');
                if (i == 0) {
                    sb.append(" ".repeat(w[i] - r[i].length())).append(r[i]);
                } else {
                    sb.append(r[i]).append(i < r.length - 1 ? " ".repeat(w[i] - r[i].length()) : "");
                }
                sb.append(i < r.length - 1 ? " " : "");
            }
            out.println(sb);
        }
    }
}
