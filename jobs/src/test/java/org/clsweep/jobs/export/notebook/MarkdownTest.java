package org.clsweep.jobs.export.notebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownTest {
    private final Markdown doc = Markdown.builder()
            .heading(2, "Distinct optima vs `width`")
            .paragraph("a < b & **bold** `x_1 < 2`")
            .bullets(List.of("one: **yes**", "two"))
            .code("json", "{\"a\": \"<b>\"}")
            .build();

    @Test
    void rendersMarkdownBlocksSeparatedByBlankLines() {
        assertThat(doc.toMarkdown()).isEqualTo("""
                ## Distinct optima vs `width`

                a < b & **bold** `x_1 < 2`

                - one: **yes**
                - two

                ```json
                {"a": "<b>"}
                ```""");
    }

    @Test
    void rendersHtmlWithEscapingAndInlineSpans() {
        assertThat(doc.toHtml()).isEqualTo("""
                <h2>Distinct optima vs <code>width</code></h2>
                <p>a &lt; b &amp; <strong>bold</strong> <code>x_1 &lt; 2</code></p>
                <ul>
                <li>one: <strong>yes</strong></li>
                <li>two</li>
                </ul>
                <pre><code>{&quot;a&quot;: &quot;&lt;b&gt;&quot;}</code></pre>
                """);
    }

    @Test
    void emptyBulletListsAddNoBlock() {
        assertThat(Markdown.builder().bullets(List.of()).build().blocks()).isEmpty();
    }

    @Test
    void rejectsHeadingLevelsOutsideOneToSix() {
        assertThatThrownBy(() -> Markdown.builder().heading(7, "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("heading level must be in 1..6, found 7");
    }
}
