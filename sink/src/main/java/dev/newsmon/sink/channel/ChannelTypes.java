package dev.newsmon.sink.channel;

import dev.newsmon.common.subscription.ChannelSpec;
import dev.newsmon.common.subscription.Subscription;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Every channel type there is. A new channel is one class with its {@link ChannelType}, added here. */
public final class ChannelTypes {
    public static final List<ChannelType> ALL = List.of(SlackChannel.TYPE, NtfyChannel.TYPE, EmailChannel.TYPE);

    private ChannelTypes() {
    }

    public static Optional<ChannelType> named(String name) {
        return ALL.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /** What is wrong with the channels of a subscription, each naming its field ({@code channels[1].to}). */
    public static List<String> problems(Subscription s) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < s.channels().size(); i++) {
            ChannelSpec c = s.channels().get(i);
            if (c == null || c.type() == null) {
                continue;
            }
            Optional<ChannelType> type = named(c.type());
            if (type.isEmpty()) {
                out.add("channels[" + i + "].type: '" + c.type() + "' is not one of "
                        + ALL.stream().map(ChannelType::name).collect(Collectors.joining(", ")));
            } else if (c.to() != null) {
                int n = i;
                type.get().problem().apply(c.to()).ifPresent(p -> out.add("channels[" + n + "].to: " + p));
            }
        }
        return out;
    }
}
