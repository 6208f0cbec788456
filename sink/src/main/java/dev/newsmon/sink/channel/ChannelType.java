package dev.newsmon.sink.channel;

import java.net.URI;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A kind of channel as a subscription names it ({@code type: slack}): how to check where it sends and how to open
 * one. Each channel class declares its own; {@link ChannelTypes} lists them.
 *
 * @param name    the subscription's {@code type}
 * @param problem what is wrong with a {@code to} of this type, or empty
 * @param open    the channel sending to a {@code to} that has no problem
 */
public record ChannelType(String name, Function<String, Optional<String>> problem,
                          BiFunction<String, ChannelContext, Channel> open) {

    /** The check of a channel that posts to an http(s) URL. */
    static Optional<String> httpUrlProblem(String to) {
        try {
            URI uri = URI.create(to);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                return Optional.of("must be an http or https URL");
            }
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of("is not a URL");
        }
    }
}
