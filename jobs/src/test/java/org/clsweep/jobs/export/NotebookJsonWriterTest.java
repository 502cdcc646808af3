package org.clsweep.jobs.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
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

    @Test
    void escapesControlCharactersAsJson() throws Exception {
        StringBuilder sb = new StringBuilder();
        Json.string(sb, "q\" b\\ \u0001 é");
        assertThat(sb.toString()).isEqualTo("\"q\\\" b\\\\ \\u0001 é\"");
        assertThat(new ObjectMapper().readTree(sb.toString()).asText()).isEqualTo("q\" b\\ \u0001 é");
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
}
