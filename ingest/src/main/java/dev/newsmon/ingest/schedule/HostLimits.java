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
    /** More URLs than any feed list holds; past it the cache starts again rather than grow without bound. */
    private static final int MAX_CACHED_HOSTS = 100_000;

    private final int global;
    private final int perHost;
    private final Map<String, Integer> inUse = new HashMap<>();
    /** The host of each URL seen: every dispatch offers each due feed again, so a URL is asked about many times. */
    private final Map<String, String> hosts = new HashMap<>();
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
        if (total >= global) {
            return false;
        }
        String host = cachedHost(url);
        int used = inUse.getOrDefault(host, 0);
        if (used >= perHost) {
            return false;
        }
        inUse.put(host, used + 1);
        total++;
        return true;
    }

    /** Gives back a slot taken for the same {@code url}. */
    public synchronized void release(String url) {
        String host = cachedHost(url);
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

    /** Whether every slot is taken, so that no feed can start whatever its host. */
    public synchronized boolean full() {
        return total >= global;
    }

    private String cachedHost(String url) {
        String host = hosts.get(url);
        if (host == null) {
            if (hosts.size() >= MAX_CACHED_HOSTS) {
                hosts.clear();
            }
            host = host(url);
            hosts.put(url, host);
        }
        return host;
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
