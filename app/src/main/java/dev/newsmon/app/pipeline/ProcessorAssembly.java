package dev.newsmon.app.pipeline;

import dev.newsmon.common.config.ConfigException;
import dev.newsmon.common.config.NewsmonConfig;
import dev.newsmon.common.config.Settings;
import dev.newsmon.common.ops.Ops;
import dev.newsmon.processor.ProcessorService;
import dev.newsmon.processor.tagging.RuleTagger;
import dev.newsmon.processor.tagging.RulesException;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import org.apache.kafka.streams.KafkaStreams;

import java.nio.file.Path;

/**
 * The processor service from a validated configuration, with its Kafka Streams metrics, domain metrics and readiness
 * registered on {@code ops}; what {@code newsmon processor}, the pipeline and tests share.
 */
public final class ProcessorAssembly {
    private ProcessorAssembly() {
    }

    /** The processor with the rules of {@code processor.rules.file}; started by the caller. */
    public static ProcessorService build(NewsmonConfig config, Ops ops) throws ConfigException {
        Path rules = ShippedFiles.resolve(config.get(Settings.PROCESSOR_RULES));
        ProcessorService processor;
        try {
            processor = new ProcessorService(config, RuleTagger.load(rules), ops.registry());
        } catch (RulesException e) {
            throw new ConfigException("processor.rules.file=" + rules + ": " + e.getMessage());
        }
        ops.bind(new KafkaStreamsMetrics(processor.streams()));
        ops.readiness().add("processor", () -> processor.state() == KafkaStreams.State.RUNNING);
        return processor;
    }
}
