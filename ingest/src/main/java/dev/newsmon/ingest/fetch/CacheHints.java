package dev.newsmon.ingest.fetch;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long a server asks us to leave a feed alone, read from its caching headers.
 *
 * @param freshFor   from {@code Cache-Control: max-age} or else {@code Expires} (measured against the server's own
 *                   {@code Date} when it sends one, so a skewed clock does not matter); null when neither says
 * @param retryAfter from {@code Retry-After} (seconds or an HTTP date); null when absent or unreadable
 */
public record CacheHints(Duration freshFor, Duration retryAfter) {
    public static final CacheHints NONE = new CacheHints(null, null);
    private static final Pattern MAX_AGE = Pattern.compile("(?:^|[,\\s])max-age\\s*=\\s*\"?(\\d{1,10})");
    private static final Pattern NO_CACHE = Pattern.compile("(?:^|[,\\s])(no-cache|no-store)(?:$|[,\\s=])");

    public static CacheHints from(HttpHeaders headers, Instant now) {
        return new CacheHints(freshFor(headers, now), headers.firstValue("Retry-After")
                .flatMap(v -> retryAfter(v, now)).orElse(null));
    }

    static Duration freshFor(HttpHeaders headers, Instant now) {
        Optional<String> cacheControl = headers.firstValue("Cache-Control").map(v -> v.toLowerCase(Locale.ROOT));
        if (cacheControl.isPresent()) {
            if (NO_CACHE.matcher(cacheControl.get()).find()) {
                return null;
            }
            Matcher m = MAX_AGE.matcher(cacheControl.get());
            if (m.find()) {
                return Duration.ofSeconds(Long.parseLong(m.group(1)));
            }
        }
        Optional<Instant> expires = headers.firstValue("Expires").flatMap(CacheHints::httpDate);
        if (expires.isEmpty()) {
            return null;
        }
        Instant serverNow = headers.firstValue("Date").flatMap(CacheHints::httpDate).orElse(now);
        Duration d = Duration.between(serverNow, expires.get());
        return d.isNegative() ? null : d;
    }

    static Optional<Duration> retryAfter(String value, Instant now) {
        String v = value.strip();
        if (v.matches("\\d{1,10}")) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(v)));
        }
        return httpDate(v).map(at -> Duration.between(now, at)).filter(d -> !d.isNegative());
    }

    private static Optional<Instant> httpDate(String value) {
        try {
            return Optional.of(ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        } catch (DateTimeParseException e) {
            // "Expires: 0" and "-1" are common ways of saying "already expired": no hint.
            return Optional.empty();
        }
    }
}
