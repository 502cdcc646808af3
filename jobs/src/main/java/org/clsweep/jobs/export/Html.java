package org.clsweep.jobs.export;

/** HTML text escaping for the HTML export and for tables rendered as {@code text/html}. */
final class Html {
    private Html() {
    }

    /** {@code text} with {@code & < > "} replaced by entities, safe in element content and attributes. */
    static String escape(String text) {
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
