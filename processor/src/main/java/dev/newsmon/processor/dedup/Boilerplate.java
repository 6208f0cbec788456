package dev.newsmon.processor.dedup;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Text that republishers add or change around a syndicated story and that must not count for or against a match:
 * footers, feed-plugin trailers, datelines, press contacts, headline suffixes. Kept in one place so the patterns can
 * later come from configuration.
 */
public final class Boilerplate {
    /** Removed wherever they occur in the text. */
    static final List<Pattern> TEXT_PATTERNS = List.of(
            // "© 2026 Orbital Wire. All rights reserved." and "Copyright 2026 X, all rights reserved"
            Pattern.compile("(?i)(?:©|\\(c\\)|copyright)\\s*(?:\\d{4}\\s*)?[^©]{0,120}?all rights reserved\\.?"),
            // Trailer added by blog feed plugins.
            Pattern.compile("(?i)the post .{1,300}? appeared first on [^.]{1,120}\\.?"),
            Pattern.compile("(?i)\\b(?:read more|continue reading|read the full story)\\s*(?:…|\\.\\.\\.|»|→|>>)?"),
            // "Contact: Jane Roe, +1 555 0100, press@example.org"
            Pattern.compile("(?i)\\b(?:media |press )?contacts?:\\s.{0,200}?[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+"));

    /** A dateline opens the text: "MOSCOW (Orbital Wire) —", "HOUSTON, Texas -", "PARIS, March 3 (AFX) --". */
    static final Pattern DATELINE = Pattern.compile(
            "^\\p{Lu}[\\p{Lu} .'-]{1,40}(?:,[^(—–]{1,40}?)?\\s*(?:\\([^)]{1,60}\\))?\\s*(?:—|–|--|-)\\s*");

    /** "Headline | Outlet", "Headline - Outlet": a short trailing segment after a separator. */
    static final Pattern TITLE_SUFFIX = Pattern.compile("\\s+(?:\\||—|–|-|::)\\s+(?:\\S+\\s+){0,4}\\S+$");

    private static final int MIN_TITLE_WORDS = 4;

    private Boilerplate() {
    }

    public static String stripText(String text) {
        String s = DATELINE.matcher(text).replaceFirst("");
        for (Pattern p : TEXT_PATTERNS) {
            s = p.matcher(s).replaceAll(" ");
        }
        return s.trim();
    }

    /** Drops an outlet suffix, unless what remains is too short to be the headline ("Russia - US talks"). */
    public static String stripTitle(String title) {
        String stripped = TITLE_SUFFIX.matcher(title).replaceFirst("").trim();
        return stripped.split(" ").length >= MIN_TITLE_WORDS ? stripped : title.trim();
    }
}
