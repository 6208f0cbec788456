package dev.newsmon.bench;

import dev.newsmon.common.config.ValueType;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.time.Duration;

/** Reads a duration option as newsmon's settings read one: 500ms, 30s, 15m. */
final class DurationConverter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
        try {
            return (Duration) ValueType.DURATION.parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException("expected " + ValueType.DURATION.description() + ", got '" + value
                    + "'");
        }
    }
}
