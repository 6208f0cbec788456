package dev.newsmon.ingest.parse;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Trims the spaces some feeds put around a namespace name ({@code xmlns:x=" uri "}), which XML parsers take as part
 * of the name, so that the namespace is not recognised.
 */
final class NamespaceSpaces {
    /** {@code xmlns:x=" uri "}: a namespace name with spaces around it, which feeds in the wild carry. */
    static final Pattern DECLARATION =
            Pattern.compile("(\\sxmlns(?::[\\w.-]+)?)\\s*=\\s*([\"'])\\s*([^\"'<>]*?)\\s*\\2");
    private static final String XMLNS = "xmlns";

    private NamespaceSpaces() {
    }

    /**
     * The same text as {@code DECLARATION.matcher(xml).replaceAll("$1=$2$3$2")}, and the same instance when that
     * changes nothing. A match can only start just before an {@code xmlns}, so the pattern is tried there alone:
     * tried at every whitespace character of a feed, it cost as much as parsing the XML.
     */
    static String trim(String xml) {
        Matcher m = DECLARATION.matcher(xml);
        StringBuilder out = null;
        int copied = 0;
        int from = 0;
        for (int i = xml.indexOf(XMLNS, 1); i >= 0; i = xml.indexOf(XMLNS, i + 1)) {
            if (i - 1 < from) {
                continue;
            }
            m.region(i - 1, xml.length());
            if (!m.lookingAt()) {
                continue;
            }
            String declaration = m.group(1) + "=" + m.group(2) + m.group(3) + m.group(2);
            if (m.end() - m.start() != declaration.length()
                    || !xml.regionMatches(m.start(), declaration, 0, declaration.length())) {
                if (out == null) {
                    out = new StringBuilder(xml.length());
                }
                out.append(xml, copied, m.start()).append(declaration);
                copied = m.end();
            }
            from = m.end();
        }
        return out == null ? xml : out.append(xml, copied, xml.length()).toString();
    }
}
