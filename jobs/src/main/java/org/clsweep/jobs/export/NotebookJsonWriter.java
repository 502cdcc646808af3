package org.clsweep.jobs.export;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clsweep.jobs.export.notebook.CellOutput;
import org.clsweep.jobs.export.notebook.CodeCell;
import org.clsweep.jobs.export.notebook.MarkdownCell;
import org.clsweep.jobs.export.notebook.Notebook;
import org.clsweep.jobs.export.notebook.NotebookCell;
import org.clsweep.jobs.export.notebook.NotebookHtmlWriter;
import org.clsweep.jobs.json.IndentedLayout;
import org.clsweep.jobs.json.JsonText;

/**
 * Writes a {@link Notebook} as nbformat 4.5 JSON (the {@code .ipynb} format). Cells get stable
 * ids from their position ({@code cell-000}, …) so that re-exporting the same sweep gives the same
 * file; code cells have a null execution count (the export does not execute them) and
 * {@code display_data} outputs. Multi-line text is stored as a list of lines, each but the last
 * ending in a newline, as Jupyter stores it, and the file is laid out as Jupyter saves notebooks
 * (one space of indent per level, text as UTF-8), so that exported notebooks diff like hand-saved
 * ones. The kernel is Python 3: the code cells are DuckDB queries driven from Python.
 *
 * <pre>
 *   { "cells": [ {"cell_type": "markdown", "id", "metadata", "source"},
 *                {"cell_type": "code", "execution_count": null, "id", "metadata", "outputs", "source"} ],
 *     "metadata": {"kernelspec", "language_info", "title"}, "nbformat": 4, "nbformat_minor": 5 }
 * </pre>
 *
 * @see NotebookHtmlWriter
 */
public final class NotebookJsonWriter {
    static final int NBFORMAT = 4;
    static final int NBFORMAT_MINOR = 5;
    private static final IndentedLayout JUPYTER = new IndentedLayout(1, ": ");

    private NotebookJsonWriter() {
    }

    /** Writes {@code notebook} to {@code file} (UTF-8), replacing it. */
    public static void write(Notebook notebook, Path file) throws IOException {
        Files.writeString(file, toJson(notebook), StandardCharsets.UTF_8);
    }

    /** The notebook as nbformat 4.5 JSON text. */
    public static String toJson(Notebook notebook) {
        List<Object> cells = new ArrayList<>();
        for (int i = 0; i < notebook.cells().size(); i++) {
            cells.add(cell(notebook.cells().get(i), String.format("cell-%03d", i)));
        }
        Map<String, Object> kernel = new LinkedHashMap<>();
        kernel.put("display_name", "Python 3");
        kernel.put("language", "python");
        kernel.put("name", "python3");
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("kernelspec", kernel);
        metadata.put("language_info", Map.of("name", "python"));
        metadata.put("title", notebook.title());
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("cells", cells);
        root.put("metadata", metadata);
        root.put("nbformat", NBFORMAT);
        root.put("nbformat_minor", NBFORMAT_MINOR);
        return JsonText.write(root, JUPYTER);
    }

    private static Map<String, Object> cell(NotebookCell cell, String id) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (cell instanceof MarkdownCell md) {
            m.put("cell_type", "markdown");
            m.put("id", id);
            m.put("metadata", Map.of());
            m.put("source", lines(md.text().toMarkdown()));
        } else if (cell instanceof CodeCell code) {
            m.put("cell_type", "code");
            m.put("execution_count", null);
            m.put("id", id);
            m.put("metadata", Map.of());
            List<Object> outputs = new ArrayList<>();
            for (CellOutput o : code.outputs()) {
                outputs.add(output(o));
            }
            m.put("outputs", outputs);
            m.put("source", lines(code.source()));
        }
        return m;
    }

    private static Map<String, Object> output(CellOutput o) {
        Map<String, Object> data = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : o.data().entrySet()) {
            // Binary data is one base64 string; text is a list of lines.
            data.put(e.getKey(), e.getKey().equals(CellOutput.PNG) ? e.getValue() : lines(e.getValue()));
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("data", data);
        m.put("metadata", Map.of());
        m.put("output_type", "display_data");
        return m;
    }

    /** Splits text into lines that keep their {@code \n}, the last one without it. */
    static List<Object> lines(String text) {
        List<Object> out = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int nl = text.indexOf('\n', start);
            int end = nl < 0 ? text.length() : nl + 1;
            out.add(text.substring(start, end));
            start = end;
        }
        return out;
    }
}
