package org.clsweep.jobs.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.clsweep.jobs.export.notebook.CellOutput;
import org.clsweep.jobs.export.notebook.CodeCell;
import org.clsweep.jobs.export.notebook.Markdown;
import org.clsweep.jobs.export.notebook.MarkdownCell;
import org.clsweep.jobs.export.notebook.Notebook;
import org.clsweep.jobs.export.query.QueryResult;
import org.junit.jupiter.api.Test;

class NotebookJsonWriterTest {
    private static final byte[] PNG_BYTES = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 1, 2};
    private static final QueryResult TABLE = new QueryResult(List.of("a"), List.of(Arrays.asList(1), Arrays.asList(2)));
    /** Awkward text: JSON escapes, C0 and C1 controls, characters outside the BMP, separators, markup. */
    private static final String AWKWARD = "quote \" backslash \\ slash / tab \t bs \b ff \f nul \u0000 soh \u0001 "
            + "us \u001f del \u007f c1 \u0085\u009f nbsp \u00a0 é ß ∑ → “curly” 😀 \u2028 \u2029 \ufeff "
            + "</script> <!-- --> & <b>\r\nsecond line\n\nlast";
    /** Awkward text in every place a notebook holds text: title, markdown, code, outputs, a MIME type. */
    private static final Notebook AWKWARD_NOTEBOOK = new Notebook("title " + AWKWARD, List.of(
            new MarkdownCell(Markdown.builder().heading(2, AWKWARD).paragraph(AWKWARD).bullets(List.of(AWKWARD, ""))
                    .code("json", AWKWARD).build()),
            new CodeCell(AWKWARD + "\n", List.of(CellOutput.image(PNG_BYTES, AWKWARD), CellOutput.text(AWKWARD),
                    new CellOutput(Map.of("application/x-" + AWKWARD, AWKWARD)))),
            new CodeCell("", List.of())));

    private final Notebook notebook = new Notebook("clsweep sweep t", List.of(
            new MarkdownCell(Markdown.builder().heading(1, "Sweep \"t\"").paragraph("line\twith tab").build()),
            new CodeCell("sql = \"\"\"\nSELECT 1\n\"\"\"\nduckdb.sql(sql).df()", List.of(
                    CellOutput.image(PNG_BYTES, "Figure 1. x"),
                    CellOutput.table(TABLE.toHtml(), TABLE.toPlainText()))),
            new CodeCell("import duckdb", List.of())));

    @Test
    void writesNbformat45Structure() throws Exception {
        JsonNode root = new ObjectMapper().readTree(NotebookJsonWriter.toJson(notebook));
        assertThat(root.get("nbformat").asInt()).isEqualTo(4);
        assertThat(root.get("nbformat_minor").asInt()).isEqualTo(5);
        assertThat(root.at("/metadata/kernelspec/name").asText()).isEqualTo("python3");
        assertThat(root.at("/metadata/language_info/name").asText()).isEqualTo("python");
        JsonNode cells = root.get("cells");
        assertThat(cells).hasSize(3);
        Set<String> ids = new HashSet<>();
        for (JsonNode c : cells) {
            String id = c.get("id").asText();
            assertThat(id).matches("^[a-zA-Z0-9-_]{1,64}$");
            ids.add(id);
            assertThat(c.get("metadata").isObject()).isTrue();
            assertThat(c.get("source").isArray()).isTrue();
        }
        assertThat(ids).hasSize(3);

        JsonNode md = cells.get(0);
        assertThat(md.get("cell_type").asText()).isEqualTo("markdown");
        assertThat(md.has("outputs")).isFalse();
        assertThat(join(md.get("source"))).isEqualTo("# Sweep \"t\"\n\nline\twith tab");

        JsonNode code = cells.get(1);
        assertThat(code.get("cell_type").asText()).isEqualTo("code");
        assertThat(code.get("execution_count").isNull()).isTrue();
        assertThat(code.get("source").get(0).asText()).isEqualTo("sql = \"\"\"\n");
        assertThat(join(code.get("source"))).isEqualTo("sql = \"\"\"\nSELECT 1\n\"\"\"\nduckdb.sql(sql).df()");
        JsonNode image = code.get("outputs").get(0);
        assertThat(image.get("output_type").asText()).isEqualTo("display_data");
        assertThat(image.get("metadata").isObject()).isTrue();
        assertThat(Base64.getDecoder().decode(image.at("/data/image~1png").asText())).isEqualTo(PNG_BYTES);
        assertThat(join(image.at("/data/text~1plain"))).isEqualTo("Figure 1. x");
        JsonNode table = code.get("outputs").get(1);
        assertThat(join(table.at("/data/text~1html"))).startsWith("<table class=\"result\">");
        assertThat(join(table.at("/data/text~1plain"))).isEqualTo("a\n-\n1\n2");

        assertThat(cells.get(2).get("outputs")).isEmpty();
    }

    @Test
    void splitsTextIntoLinesKeepingNewlines() {
        assertThat(NotebookJsonWriter.lines("a\nb\n")).containsExactly("a\n", "b\n");
        assertThat(NotebookJsonWriter.lines("a\n\nb")).containsExactly("a\n", "\n", "b");
        assertThat(NotebookJsonWriter.lines("")).isEmpty();
    }

    /** {@code awkward.ipynb} is {@link #AWKWARD_NOTEBOOK} as clsweep wrote it at commit 2d770df. */
    @Test
    void writesTheBytesEarlierVersionsWrote() throws IOException {
        assertThat(NotebookJsonWriter.toJson(AWKWARD_NOTEBOOK)).isEqualTo(resource("awkward.ipynb"));
    }

    @Test
    void escapesControlCharactersAsJupyterDoes() throws Exception {
        String title = "q\" b\\ \u0001\b\u007f é";
        String json = NotebookJsonWriter.toJson(new Notebook(title, List.of()));
        assertThat(json).contains("\"title\": \"q\\\" b\\\\ \\u0001\\b\u007f é\"");
        assertThat(new ObjectMapper().readTree(json).at("/metadata/title").asText()).isEqualTo(title);
    }

    @Test
    void sameNotebookGivesTheSameFile() {
        assertThat(NotebookJsonWriter.toJson(notebook)).isEqualTo(NotebookJsonWriter.toJson(notebook));
    }

    private static String join(JsonNode lines) {
        StringBuilder sb = new StringBuilder();
        lines.forEach(l -> sb.append(l.asText()));
        return sb.toString();
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = NotebookJsonWriterTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
