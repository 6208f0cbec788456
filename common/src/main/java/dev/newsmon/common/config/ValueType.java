package dev.newsmon.common.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The kinds of value a setting can hold, each with its parser and the words an error message uses for it. */
public enum ValueType {
    STRING("a string", s -> s),
    INT("an integer", Integer::parseInt),
    DOUBLE("a number", Double::parseDouble),
    BOOLEAN("true or false", ValueType::parseBoolean),
    DURATION("a duration such as 500ms, 30s, 15m, 12h or 7d", ValueType::parseDuration),
    SIZE("a size such as 512KiB, 10MiB or 1048576", ValueType::parseSize),
    PATH("a file system path", Path::of),
    LIST("a comma-separated list", ValueType::parseList);

    private static final Pattern DURATION_PATTERN = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");
    private static final Pattern SIZE_PATTERN = Pattern.compile("(\\d+)\\s*(b|kib|kb|mib|mb|gib|gb)?");

    private final String description;
    private final Function<String, Object> parser;

    ValueType(String description, Function<String, Object> parser) {
        this.description = description;
        this.parser = parser;
    }

    /** How an error message names this type: "expects DESCRIPTION". */
    public String description() {
        return description;
    }

    /** Parses a raw value; throws IllegalArgumentException (NumberFormatException included) when it is not one. */
    public Object parse(String raw) {
        return parser.apply(raw.trim());
    }

    private static Boolean parseBoolean(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw new IllegalArgumentException(s);
        };
    }

    static Duration parseDuration(String s) {
        if (s.startsWith("P") || s.startsWith("p")) {
            return Duration.parse(s);
        }
        Matcher m = DURATION_PATTERN.matcher(s.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException(s);
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }

    static Long parseSize(String s) {
        Matcher m = SIZE_PATTERN.matcher(s.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException(s);
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "b" : m.group(2);
        long factor = switch (unit) {
            case "kib", "kb" -> 1024L;
            case "mib", "mb" -> 1024L * 1024;
            case "gib", "gb" -> 1024L * 1024 * 1024;
            default -> 1L;
        };
        return Math.multiplyExact(n, factor);
    }

    private static List<String> parseList(String s) {
        return Arrays.stream(s.split(",")).map(String::trim).filter(x -> !x.isEmpty()).toList();
    }
}
