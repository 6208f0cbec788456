package dev.newsmon.sink.channel;

import dev.newsmon.common.config.NewsmonConfig;
import dev.newsmon.common.config.Settings;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;

/**
 * What channels share: one HTTP client, the request timeout and the SMTP server.
 *
 * @param smtp the SMTP server of the email channels; its host is empty when none is configured
 */
public record ChannelContext(HttpClient http, Duration timeout, Smtp smtp) {

    /** The SMTP server; the password is read from the environment variable the config names. */
    public record Smtp(String host, int port, boolean starttls, String from, String user, String password) {
    }

    public static ChannelContext from(NewsmonConfig config, Map<String, String> env) {
        Duration timeout = config.get(Settings.CHANNELS_TIMEOUT);
        HttpClient http = HttpClient.newBuilder().connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        Smtp smtp = new Smtp(config.optional(Settings.CHANNELS_SMTP_HOST).orElse(""),
                config.get(Settings.CHANNELS_SMTP_PORT), config.get(Settings.CHANNELS_SMTP_STARTTLS),
                config.get(Settings.CHANNELS_SMTP_FROM), config.optional(Settings.CHANNELS_SMTP_USER).orElse(""),
                env.getOrDefault(config.get(Settings.CHANNELS_SMTP_PASSWORD_ENV), ""));
        return new ChannelContext(http, timeout, smtp);
    }
}
