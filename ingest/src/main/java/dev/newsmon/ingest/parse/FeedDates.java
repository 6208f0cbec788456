package dev.newsmon.ingest.parse;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The fallback for dates ROME's RFC 822 and W3C parsing gives up on: forms seen in real feeds such as a space for the
 * 'T', a wrong or long day name, a missing zone, Unix {@code date} output or a slashed day. A date without a zone is
 * taken as UTC, a date without a time as midnight UTC.
 */
public final class FeedDates {
    private static final Pattern DAY_NAME = Pattern.compile("^(?i:mon|tue|wed|thu|fri|sat|sun)[a-z]*\\.?,?\\s+(?=\\d)");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final List<DateTimeFormatter> ZONED = formatters(
            "d MMM yyyy H:mm[:ss] [Z][X][z]",
            "d MMMM yyyy H:mm[:ss] [Z][X][z]",
            "MMM d[,] yyyy H:mm[:ss] [Z][X][z]",
            "MMMM d[,] yyyy h:mm[:ss] a [Z][X][z]",
            "EEE MMM d H:mm:ss z yyyy",
            "yyyy-MM-dd['T'][ ]H:mm[:ss][.SSSSSSSSS][.SSSSSS][.SSS][ ][XXX][X][z]",
            "yyyy/MM/dd H:mm[:ss] [Z][X][z]");
    private static final List<DateTimeFormatter> LOCAL = formatters(
            "d MMM yyyy H:mm[:ss]",
            "d MMMM yyyy H:mm[:ss]",
            "MMM d[,] yyyy H:mm[:ss]",
            "MMMM d[,] yyyy h:mm[:ss] a",
            "yyyy-MM-dd['T'][ ]H:mm[:ss][.SSSSSSSSS][.SSSSSS][.SSS]",
            "yyyy/MM/dd H:mm[:ss]",
            "dd.MM.yyyy H:mm[:ss]");
    private static final List<DateTimeFormatter> DATES = formatters(
            "yyyy-MM-dd", "yyyy/MM/dd", "d MMM yyyy", "MMMM d[,] yyyy", "MMM d[,] yyyy", "dd.MM.yyyy");

    private FeedDates() {
    }

    /** The instant the text names, or null if no known form fits. */
    public static Instant parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String s = DAY_NAME.matcher(SPACES.matcher(text.strip()).replaceAll(" ")).replaceFirst("");
        s = s.replaceAll(" UT$", " UTC");
        for (DateTimeFormatter f : ZONED) {
            TemporalAccessor t = tryParse(f, s.strip());
            if (t != null) {
                try {
                    return ZonedDateTime.from(t).toInstant();
                } catch (java.time.DateTimeException notZoned) {
                    // An optional zone section that matched nothing: the local forms below handle it.
                }
            }
        }
        for (DateTimeFormatter f : LOCAL) {
            TemporalAccessor t = tryParse(f, s.strip());
            if (t != null) {
                return LocalDateTime.from(t).toInstant(ZoneOffset.UTC);
            }
        }
        for (DateTimeFormatter f : DATES) {
            TemporalAccessor t = tryParse(f, s.strip());
            if (t != null) {
                return LocalDate.from(t).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
        }
        return null;
    }

    private static TemporalAccessor tryParse(DateTimeFormatter f, String s) {
        try {
            return f.parse(s);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static List<DateTimeFormatter> formatters(String... patterns) {
        return java.util.Arrays.stream(patterns)
                .map(p -> new DateTimeFormatterBuilder().parseCaseInsensitive().parseLenient()
                        .appendPattern(p).toFormatter(Locale.ENGLISH))
                .toList();
    }
}
