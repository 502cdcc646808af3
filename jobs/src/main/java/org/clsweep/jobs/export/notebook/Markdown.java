package org.clsweep.jobs.export.notebook;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small markdown document, kept as blocks so that it renders both to markdown (for the
 * notebook) and to HTML (for the HTML export) without a markdown parser. Inline text may use two
 * spans only: {@code `code`} and {@code **bold**}; everything else is literal text.
 *
 * <pre>
 *   Markdown.builder().heading(2, "Distinct optima vs width")
 *                     .paragraph("One point per cell …")
 *                     .bullets(List.of("linear: … **yes**"))
 *                     .build()
 * </pre>
 *
 * @see MarkdownCell
 */
public final class Markdown {
    private static final Pattern CODE_SPAN = Pattern.compile("`([^`]+)`");
    private static final Pattern BOLD_SPAN = Pattern.compile("\\*\\*([^*]+)\\*\\*");

    /** One block of the document. */
    public sealed interface Block permits Heading, Paragraph, Bullets, CodeBlock {
    }

    /** A heading of level 1–6. */
    public record Heading(int level, String text) implements Block {
        public Heading {
            if (level < 1 || level > 6) {
                throw new IllegalArgumentException("heading level must be in 1..6, found " + level);
            }
        }
    }

    /** A paragraph of inline text. */
    public record Paragraph(String text) implements Block {
    }

    /** A bullet list, one inline text per item. */
    public record Bullets(List<String> items) implements Block {
        public Bullets {
            items = List.copyOf(items);
        }
    }

    /** A fenced block of literal text, e.g. a spec or an SQL statement. */
    public record CodeBlock(String language, String text) implements Block {
    }

    private final List<Block> blocks;

    private Markdown(List<Block> blocks) {
        this.blocks = List.copyOf(blocks);
    }

    public static Builder builder() {
        return new Builder();
    }

    public List<Block> blocks() {
        return blocks;
    }

    /** The document as markdown source, blocks separated by a blank line. */
    public String toMarkdown() {
        StringBuilder sb = new StringBuilder();
        for (Block b : blocks) {
            if (sb.length() > 0) {
                sb.append("\n\n");
            }
            if (b instanceof Heading h) {
                sb.append("#".repeat(h.level())).append(' ').append(h.text());
            } else if (b instanceof Paragraph p) {
                sb.append(p.text());
            } else if (b instanceof Bullets l) {
                for (int i = 0; i < l.items().size(); i++) {
                    sb.append(i == 0 ? "" : "\n").append("- ").append(l.items().get(i));
                }
            } else if (b instanceof CodeBlock c) {
                sb.append("```").append(c.language()).append('\n').append(c.text()).append("\n```");
            }
        }
        return sb.toString();
    }

    /** The document as an HTML fragment. */
    public String toHtml() {
        StringBuilder sb = new StringBuilder();
        for (Block b : blocks) {
            if (b instanceof Heading h) {
                sb.append("<h").append(h.level()).append('>').append(inlineHtml(h.text()))
                        .append("</h").append(h.level()).append(">\n");
            } else if (b instanceof Paragraph p) {
                sb.append("<p>").append(inlineHtml(p.text())).append("</p>\n");
            } else if (b instanceof Bullets l) {
                sb.append("<ul>\n");
                for (String item : l.items()) {
                    sb.append("<li>").append(inlineHtml(item)).append("</li>\n");
                }
                sb.append("</ul>\n");
            } else if (b instanceof CodeBlock c) {
                sb.append("<pre><code>").append(Html.escape(c.text())).append("</code></pre>\n");
            }
        }
        return sb.toString();
    }

    /** Escapes {@code text} for HTML, then turns {@code `x`} into code and {@code **x**} into bold. */
    static String inlineHtml(String text) {
        String escaped = Html.escape(text);
        Matcher code = CODE_SPAN.matcher(escaped);
        String withCode = code.replaceAll("<code>$1</code>");
        return BOLD_SPAN.matcher(withCode).replaceAll("<strong>$1</strong>");
    }

    /** Collects blocks in order. */
    public static final class Builder {
        private final List<Block> blocks = new ArrayList<>();

        private Builder() {
        }

        public Builder heading(int level, String text) {
            blocks.add(new Heading(level, text));
            return this;
        }

        public Builder paragraph(String text) {
            blocks.add(new Paragraph(text));
            return this;
        }

        public Builder bullets(List<String> items) {
            if (!items.isEmpty()) {
                blocks.add(new Bullets(items));
            }
            return this;
        }

        public Builder code(String language, String text) {
            blocks.add(new CodeBlock(language, text));
            return this;
        }

        public Markdown build() {
            return new Markdown(blocks);
        }
    }
}
