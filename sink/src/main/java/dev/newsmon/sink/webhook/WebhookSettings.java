package dev.newsmon.sink.webhook;

import dev.newsmon.common.config.ConfigException;
import dev.newsmon.common.config.NewsmonConfig;
import dev.newsmon.common.config.Settings;
import dev.newsmon.sink.delivery.RetryPolicy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How the webhook sink calls its receiver. The URL and the HMAC key come from environment variables named in
 * the config, never from the config itself.
 */
public record WebhookSettings(URI url, Optional<String> secret, Format format, int maxAttempts, Duration backoff,
                              Duration backoffMax, Duration timeout, int minPriority, List<String> tags,
                              TagPriorities priorities) {
    public enum Format { JSON, SLACK }

    public WebhookSettings {
        tags = List.copyOf(tags);
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("max attempts must be at least 1, got " + maxAttempts);
        }
    }

    public static WebhookSettings from(NewsmonConfig config, Map<String, String> env, TagPriorities priorities)
            throws ConfigException {
        String urlVar = config.get(Settings.SINK_WEBHOOK_URL_ENV);
        String url = env.get(urlVar);
        if (url == null || url.isBlank()) {
            throw new ConfigException(Settings.SINK_WEBHOOK_URL_ENV.key() + ": the environment variable " + urlVar
                    + " holding the webhook URL is not set");
        }
        String secret = env.get(config.get(Settings.SINK_WEBHOOK_SECRET_ENV));
        Format format;
        try {
            format = Format.valueOf(config.get(Settings.SINK_WEBHOOK_FORMAT).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(Settings.SINK_WEBHOOK_FORMAT.key() + " expects json or slack, got "
                    + config.get(Settings.SINK_WEBHOOK_FORMAT));
        }
        int attempts = config.get(Settings.SINK_WEBHOOK_MAX_ATTEMPTS);
        if (attempts < 1) {
            throw new ConfigException(Settings.SINK_WEBHOOK_MAX_ATTEMPTS.key() + " expects at least 1, got " + attempts);
        }
        URI uri;
        try {
            uri = URI.create(url.trim());
        } catch (IllegalArgumentException e) {
            // The URL itself may hold a token: name the variable, not its value.
            throw new ConfigException("the webhook URL in " + urlVar + " is not a URL");
        }
        return new WebhookSettings(uri, Optional.ofNullable(secret).filter(s -> !s.isEmpty()), format,
                attempts, config.get(Settings.SINK_WEBHOOK_BACKOFF), config.get(Settings.SINK_WEBHOOK_BACKOFF_MAX),
                config.get(Settings.SINK_WEBHOOK_TIMEOUT), config.get(Settings.SINK_WEBHOOK_MIN_PRIORITY),
                config.optional(Settings.SINK_WEBHOOK_TAGS).orElse(List.of()), priorities);
    }

    public RetryPolicy retry() {
        return new RetryPolicy(maxAttempts, backoff, backoffMax);
    }
}
