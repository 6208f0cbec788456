package dev.newsmon.ingest.parse;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the language a feed declares ({@code xml:lang}, RSS {@code <language>}, {@code dc:language}) as an ISO 639-1
 * code. Feeds write a BCP 47 tag ({@code en-us}, {@code ru-RU}), a three-letter ISO 639-2 code ({@code rus}, or the
 * bibliographic {@code ger}), sometimes with an underscore, and now and then the language's English name.
 */
final class LanguageTags {
    private static final Map<String, String> CODES = codes();

    private LanguageTags() {
    }

    /** The ISO 639-1 code of the tag, or null if it names no language. */
    static String iso639_1(String tag) {
        if (tag == null) {
            return null;
        }
        String t = tag.strip().toLowerCase(Locale.ROOT);
        int end = 0;
        while (end < t.length() && t.charAt(end) != '-' && t.charAt(end) != '_') {
            end++;
        }
        return CODES.get(t.substring(0, end));
    }

    private static Map<String, String> codes() {
        Map<String, String> codes = new HashMap<>();
        for (String code : Locale.getISOLanguages()) {
            if (code.length() != 2) {
                continue;
            }
            Locale locale = new Locale(code);
            codes.put(code, code);
            codes.putIfAbsent(locale.getISO3Language(), code);
            codes.putIfAbsent(locale.getDisplayLanguage(Locale.ENGLISH).toLowerCase(Locale.ROOT), code);
        }
        // ISO 639-2/B, which Java knows only in their terminology form.
        Map.of("ger", "de", "fre", "fr", "chi", "zh", "cze", "cs", "dut", "nl", "gre", "el", "per", "fa", "rum", "ro",
                "slo", "sk", "arm", "hy").forEach(codes::putIfAbsent);
        return Map.copyOf(codes);
    }
}
