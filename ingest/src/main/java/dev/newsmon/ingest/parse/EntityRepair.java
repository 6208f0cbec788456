package dev.newsmon.ingest.parse;

import org.jsoup.nodes.Entities;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the two commonest XML errors of hand-made feeds into well-formed XML: HTML entity names XML does not know
 * ({@code &nbsp;}, {@code &eacute;}, {@code &hellip;}) become numeric references, and an ampersand that starts no
 * reference becomes {@code &amp;}. An unknown entity name is left alone, so the parse still fails on it: it may be
 * one a stripped DOCTYPE declared, and guessing its text would be expanding it.
 */
final class EntityRepair {
    private static final Pattern AMPERSAND =
            Pattern.compile("&(?:(#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);)?");
    private static final Set<String> XML_ENTITIES = Set.of("amp", "lt", "gt", "quot", "apos");

    private EntityRepair() {
    }

    static String repair(String xml) {
        Matcher m = AMPERSAND.matcher(xml);
        StringBuilder out = new StringBuilder(xml.length() + 64);
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(replacement(m.group(1), m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String replacement(String name, String whole) {
        if (name == null) {
            return "&amp;";
        }
        if (name.startsWith("#") || XML_ENTITIES.contains(name) || !Entities.isNamedEntity(name)) {
            return whole;
        }
        StringBuilder refs = new StringBuilder();
        Entities.getByName(name).codePoints().forEach(cp -> refs.append("&#").append(cp).append(';'));
        return refs.toString();
    }
}
