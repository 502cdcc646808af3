package org.clsweep.jobs.export.notebook;

/** HTML text escaping for the HTML export and for tables rendered as {@code text/html}. */
public final class Html {
    private Html() {
    }

    /** {@code text} with {@code & < > "} replaced by entities, safe in element content and attributes. */
    public static String escape(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
