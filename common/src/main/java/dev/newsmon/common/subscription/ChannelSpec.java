package dev.newsmon.common.subscription;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One channel of a subscription: its type and where it sends. What {@code to} means is the type's: the incoming
 * webhook URL of {@code slack}, the topic URL of {@code ntfy}, the comma-separated addresses of {@code email}.
 * A URL that carries a token belongs in an environment variable of the channel service, named by {@code to_env},
 * rather than in the topic.
 *
 * @param type  the channel type
 * @param to    where it sends, or null when {@code toEnv} names it
 * @param toEnv the environment variable of the channel service that holds where it sends
 */
public record ChannelSpec(String type, String to, String toEnv) {
    public ChannelSpec {
        to = to == null || to.isBlank() ? null : to.trim();
        toEnv = toEnv == null || toEnv.isBlank() ? null : toEnv.trim();
    }

    /** What is wrong that can be told without the channel types, each starting with the field after the index. */
    List<String> problems() {
        List<String> out = new ArrayList<>();
        if (type == null || type.isBlank()) {
            out.add(".type: is missing");
        }
        if ((to == null) == (toEnv == null)) {
            out.add(".to: set exactly one of to and to_env");
        }
        return out;
    }

    /** Where it sends, read from {@code env} when {@code to_env} names it; empty when that variable is unset. */
    public Optional<String> target(Map<String, String> env) {
        return Optional.ofNullable(to != null ? to : env.get(toEnv)).filter(s -> !s.isBlank());
    }
}
