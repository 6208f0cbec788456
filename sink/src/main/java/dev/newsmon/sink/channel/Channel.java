package dev.newsmon.sink.channel;

import dev.newsmon.sink.delivery.Outcome;

/** One destination of one subscription's messages. Attempts once; the delivery mechanism retries. */
public interface Channel {
    Outcome send(ChannelMessage message) throws InterruptedException;
}
