package dev.newsmon.common.subscription;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How often a subscription gets a digest: windows aligned to the epoch, so hours and days of UTC. */
public enum DigestSchedule {
    NONE(Duration.ZERO), HOURLY(Duration.ofHours(1)), DAILY(Duration.ofDays(1));

    private final Duration window;

    DigestSchedule(Duration window) {
        this.window = window;
    }

    public Duration window() {
        return window;
    }

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static DigestSchedule fromWire(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("digest must be one of " + Arrays.stream(values())
                    .map(DigestSchedule::wireName).collect(Collectors.joining(", ")) + ", got '" + value + "'");
        }
    }
}
