package dev.newsmon.ingest.schedule;

import java.net.URI;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Fetch slots: at most {@code global} fetches at once, and at most {@code perHost} to any one host, so a big
 * outlet with many feeds is not hammered and a slow host cannot take every slot. Non-blocking: a feed that finds
 * no slot stays due and is offered again when a fetch ends. Thread-safe.
 */
public final class HostLimits {
    private final int global;
    private final int perHost;
    private final Map<String, Integer> inUse = new HashMap<>();
    private int total;

    public HostLimits(int global, int perHost) {
        if (global < 1 || perHost < 1) {
            throw new IllegalArgumentException("limits must be at least 1: global=" + global + " perHost=" + perHost);
        }
        this.global = global;
        this.perHost = perHost;
    }

    /** Takes a slot for the host of {@code url} if one is free. */
    public synchronized boolean tryAcquire(String url) {
        String host = host(url);
        int used = inUse.getOrDefault(host, 0);
        if (total >= global || used >= perHost) {
            return false;
        }
        inUse.put(host, used + 1);
        total++;
        return true;
    }

    /** Gives back a slot taken for the same {@code url}. */
    public synchronized void release(String url) {
        String host = host(url);
        int used = inUse.getOrDefault(host, 0);
        if (used <= 0) {
            throw new IllegalStateException("no slot held for host " + host);
        }
        if (used == 1) {
            inUse.remove(host);
        } else {
            inUse.put(host, used - 1);
        }
        total--;
    }

    public synchronized int inUse() {
        return total;
    }

    /** The host, lower-cased; local files all count as one host. */
    static String host(String url) {
        try {
            String h = URI.create(url).getHost();
            return h == null ? "" : h.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
