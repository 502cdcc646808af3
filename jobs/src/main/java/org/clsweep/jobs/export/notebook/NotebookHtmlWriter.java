package org.clsweep.jobs.export.notebook;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a {@link Notebook} as one self-contained HTML page: no scripts, no external files, the
 * figures inline as {@code data:image/png;base64} URIs. Markdown cells become HTML, code cells a
 * source block followed by their outputs (for each output the richest representation: PNG, then
 * HTML, then plain text), in the notebook's order.
 *
 * @see org.clsweep.jobs.export.NotebookJsonWriter
 */
public final class NotebookHtmlWriter {
    private static final String STYLE = """
            body { font-family: "DejaVu Sans", Helvetica, Arial, sans-serif; max-width: 1000px;
                   margin: 2em auto; padding: 0 1em; color: #1b1b1b; line-height: 1.45; }
            h1, h2, h3 { line-height: 1.2; }
            code { font-family: "DejaVu Sans Mono", Menlo, monospace; font-size: 0.92em;
                   background: #f3f3f3; padding: 0 0.2em; }
            pre { background: #f7f7f7; border-left: 3px solid #9ab; padding: 0.6em 0.8em;
                  overflow-x: auto; font-size: 0.85em; }
            pre code { background: none; padding: 0; }
            .cell { margin: 0.8em 0; }
            .output { margin: 0.4em 0 1.2em 0; overflow-x: auto; }
            .output img { max-width: 100%; border: 1px solid #ddd; }
            table.result { border-collapse: collapse; font-size: 0.85em; }
            table.result th, table.result td { border: 1px solid #ccc; padding: 0.15em 0.5em; }
            table.result th { background: #eef2f5; }
            table.result td.num { text-align: right; font-variant-numeric: tabular-nums; }
            """;

    private NotebookHtmlWriter() {
    }

    /** Writes {@code notebook} to {@code file} (UTF-8), replacing it. */
    public static void write(Notebook notebook, Path file) throws IOException {
        Files.writeString(file, toHtml(notebook), StandardCharsets.UTF_8);
    }

    /** The notebook as a complete HTML document. */
    public static String toHtml(Notebook notebook) {
        StringBuilder sb = new StringBuilder(1 << 16);
        sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(Html.escape(notebook.title())).append("</title>\n<style>\n").append(STYLE)
                .append("</style>\n</head>\n<body>\n");
        for (NotebookCell cell : notebook.cells()) {
            if (cell instanceof MarkdownCell md) {
                sb.append("<div class=\"cell markdown\">\n").append(md.text().toHtml()).append("</div>\n");
            } else if (cell instanceof CodeCell code) {
                sb.append("<div class=\"cell code\">\n<pre class=\"source\"><code>")
                        .append(Html.escape(code.source())).append("</code></pre>\n");
                for (CellOutput o : code.outputs()) {
                    sb.append("<div class=\"output\">").append(output(o)).append("</div>\n");
                }
                sb.append("</div>\n");
            }
        }
        return sb.append("</body>\n</html>\n").toString();
    }

    private static String output(CellOutput o) {
        String png = o.data().get(CellOutput.PNG);
        String plain = o.data().getOrDefault(CellOutput.PLAIN, "");
        if (png != null) {
            return "<img src=\"data:image/png;base64," + png + "\" alt=\"" + Html.escape(plain) + "\">";
        }
        String html = o.data().get(CellOutput.HTML);
        if (html != null) {
            return html;
        }
        return "<pre>" + Html.escape(plain) + "</pre>";
    }
}
