package io.github.commgate.report;

/** Text from data made safe for XML and XHTML: escaped, and without characters XML 1.0 forbids. */
final class XmlText {

    private XmlText() {
    }

    /** Escapes for element content and for attributes in either kind of quote. */
    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : legal(text).toCharArray()) {
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    /**
     * Replaces what XML 1.0 cannot carry even as a character reference: a worker's log tail can
     * hold terminal escapes (U+001B), and one such character would make a CI reporter reject the
     * whole file. Unpaired surrogates go too, for the same reason.
     */
    static String legal(String text) {
        StringBuilder legal = new StringBuilder(text.length());
        text.codePoints().forEach(c -> legal.appendCodePoint(allowed(c) ? c : '\uFFFD'));
        return legal.toString();
    }

    private static boolean allowed(int c) {
        return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                || (c >= 0x10000 && c <= 0x10FFFF);
    }
}
