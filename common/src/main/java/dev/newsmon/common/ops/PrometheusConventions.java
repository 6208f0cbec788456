package dev.newsmon.common.ops;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.config.MeterFilterReply;

import java.util.Arrays;
import java.util.Set;

/**
 * Keeps third-party meters (mostly the Kafka clients') within Prometheus naming conventions, so that
 * {@code promtool check metrics} passes:
 * <ul>
 *   <li>meters in abbreviated non-base units ({@code io-time-ns-total}, {@code start-time-ms}) are dropped: a
 *       filter can rename but not rescale, and each has a seconds or ratio twin (io-ratio, process_start_time_seconds);</li>
 *   <li>a gauge named {@code x.count} becomes {@code xs} ({@code connection-count} → {@code connections}), since
 *       {@code _count} belongs to histograms and summaries;</li>
 *   <li>a meter without a description gets its name as help text.</li>
 * </ul>
 */
public final class PrometheusConventions implements MeterFilter {
    private static final Set<String> ABBREVIATED_UNITS = Set.of("ns", "us", "ms");

    @Override
    public MeterFilterReply accept(Meter.Id id) {
        boolean abbreviated = Arrays.stream(id.getName().split("[._\\-]")).anyMatch(ABBREVIATED_UNITS::contains)
                || (id.getBaseUnit() != null && ABBREVIATED_UNITS.contains(id.getBaseUnit()));
        return abbreviated ? MeterFilterReply.DENY : MeterFilterReply.NEUTRAL;
    }

    @Override
    public Meter.Id map(Meter.Id id) {
        Meter.Id mapped = id;
        if (id.getType() == Meter.Type.GAUGE && id.getName().endsWith(".count")) {
            mapped = mapped.withName(id.getName().substring(0, id.getName().length() - ".count".length()) + "s");
        }
        if (id.getDescription() == null || id.getDescription().isBlank()) {
            mapped = new Meter.Id(mapped.getName(), Tags.of(mapped.getTagsAsIterable()), mapped.getBaseUnit(),
                    mapped.getName().replace('.', ' '), mapped.getType());
        }
        return mapped;
    }
}
