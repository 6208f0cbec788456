package dev.newsmon.ingest.fetch;

import dev.newsmon.common.config.NewsmonConfig;
import dev.newsmon.common.config.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Fetches feed bodies over HTTP(S), or from {@code file:} URLs for local and demo feeds. Thread-safe: one instance
 * (one HttpClient, one connection pool) serves every feed.
 *
 * <p>Redirects are followed here, at most {@value #MAX_REDIRECTS}, and only to http(s) locations: a feed must not
 * be able to send the fetcher to a {@code file:} or {@code jar:} URL. The request timeout bounds the whole fetch,
 * redirects and body included; the body is capped both as transferred and as decoded.
 */
public final class Fetcher {
    private static final Logger LOG = LoggerFactory.getLogger(Fetcher.class);
    static final int MAX_REDIRECTS = 5;
    private static final String ACCEPT = "application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, "
            + "application/xml;q=0.8, text/xml;q=0.8, */*;q=0.1";

    private final HttpClient client;
    private final Duration requestTimeout;
    private final long maxBody;
    private final String userAgent;
    private final AtomicLong bytesFetched = new AtomicLong();

    public Fetcher(Duration connectTimeout, Duration requestTimeout, long maxBody, String userAgent) {
        this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
        this.userAgent = Objects.requireNonNull(userAgent, "userAgent");
        if (maxBody <= 0) {
            throw new IllegalArgumentException("maxBody must be positive: " + maxBody);
        }
        this.maxBody = maxBody;
        this.client = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public Fetcher(NewsmonConfig config) {
        this(config.get(Settings.INGEST_CONNECT_TIMEOUT), config.get(Settings.INGEST_REQUEST_TIMEOUT),
                config.get(Settings.INGEST_MAX_BODY), config.get(Settings.INGEST_USER_AGENT));
    }

    /** An unconditional fetch. */
    public FetchResult fetch(URI uri) throws FetchException {
        return fetch(uri, Conditional.NONE);
    }

    public FetchResult fetch(URI uri, Conditional previous) throws FetchException {
        return fetch(uri, previous, Map.of());
    }

    /**
     * @param previous validators of the last fetch of this feed; a 304 answer is returned as such, with no body
     * @param headers  extra request headers of this feed; a {@code User-Agent} among them replaces the default
     * @throws FetchException on a network error, a timeout, an oversize body, a refused redirect, or any status
     *                        other than 2xx and 304 (with the server's Retry-After, if any)
     */
    public FetchResult fetch(URI uri, Conditional previous, Map<String, String> headers) throws FetchException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        FetchResult result = switch (scheme) {
            case "http", "https" -> fetchHttp(uri, previous == null ? Conditional.NONE : previous, headers);
            case "file" -> fetchFile(uri);
            default -> throw new FetchException(uri.toString(), "unsupported scheme '" + scheme + "'");
        };
        bytesFetched.addAndGet(result.body().length);
        return result;
    }

    /** Feed body bytes read so far (after gzip/deflate decoding), whether or not they then parsed. */
    public long bytesFetched() {
        return bytesFetched.get();
    }

    private FetchResult fetchFile(URI uri) throws FetchException {
        Path path;
        try {
            path = Path.of(uri);
        } catch (IllegalArgumentException e) {
            throw new FetchException(uri.toString(), "not a usable file URL: " + e.getMessage(), e);
        }
        try (InputStream in = Files.newInputStream(path)) {
            return new FetchResult(200, BoundedRead.readAll(in, maxBody), null, null, null, uri, null, null);
        } catch (NoSuchFileException e) {
            throw new FetchException(uri.toString(), "no such file", e);
        } catch (IOException e) {
            throw new FetchException(uri.toString(), e.getMessage(), e);
        }
    }

    private FetchResult fetchHttp(URI start, Conditional previous, Map<String, String> headers)
            throws FetchException {
        long deadline = System.nanoTime() + requestTimeout.toNanos();
        URI current = start;
        // A move is only as permanent as the chain that led to it: a 302 anywhere before makes it temporary.
        URI movedTo = null;
        boolean permanentSoFar = true;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            HttpResponse<byte[]> response = send(start, current, previous, headers, deadline);
            int status = response.statusCode();
            if (isRedirect(status)) {
                current = redirectTarget(start, current, response);
                permanentSoFar = permanentSoFar && (status == 301 || status == 308);
                if (permanentSoFar) {
                    movedTo = current;
                }
                LOG.debug("redirect feed_url={} status={} location={}", start, status, current);
                continue;
            }
            CacheHints hints = CacheHints.from(response.headers(), Instant.now());
            String contentType = header(response, "Content-Type");
            String etag = header(response, "ETag");
            String lastModified = header(response, "Last-Modified");
            if (status == FetchResult.NOT_MODIFIED) {
                return new FetchResult(status, new byte[0], contentType,
                        etag != null ? etag : previous.etag(),
                        lastModified != null ? lastModified : previous.lastModified(), current, movedTo, hints);
            }
            if (status < 200 || status > 299) {
                throw new FetchException(start.toString(), "HTTP status " + status, status, hints.retryAfter(),
                        null);
            }
            byte[] body;
            try {
                body = ContentDecoder.decode(response.body(), header(response, "Content-Encoding"), maxBody);
            } catch (IOException e) {
                throw new FetchException(start.toString(), e.getMessage(), e);
            }
            return new FetchResult(status, body, contentType, etag, lastModified, current, movedTo, hints);
        }
        throw new FetchException(start.toString(), "more than " + MAX_REDIRECTS + " redirects");
    }

    private HttpResponse<byte[]> send(URI start, URI uri, Conditional previous, Map<String, String> headers,
                                      long deadline) throws FetchException {
        Duration left = Duration.ofNanos(deadline - System.nanoTime());
        if (left.isNegative() || left.isZero()) {
            throw new FetchException(start.toString(), "timed out after " + requestTimeout);
        }
        HttpRequest request;
        try {
            HttpRequest.Builder builder = HttpRequest.newBuilder(uri).GET().timeout(left)
                    .header("Accept", ACCEPT)
                    .header("Accept-Encoding", "gzip, deflate");
            boolean ownAgent = false;
            for (Map.Entry<String, String> h : headers.entrySet()) {
                builder.setHeader(h.getKey(), h.getValue());
                ownAgent |= h.getKey().equalsIgnoreCase("User-Agent");
            }
            if (!ownAgent) {
                builder.header("User-Agent", userAgent);
            }
            if (previous.etag() != null) {
                builder.header("If-None-Match", previous.etag());
            }
            if (previous.lastModified() != null) {
                builder.header("If-Modified-Since", previous.lastModified());
            }
            request = builder.build();
        } catch (IllegalArgumentException e) {
            // A URL HttpClient cannot request, or a validator the server sent that is not a legal header value.
            throw new FetchException(start.toString(), "cannot build request for " + uri + ": " + e.getMessage(), e);
        }
        CompletableFuture<HttpResponse<byte[]>> future = client.sendAsync(request, this::bodyHandler);
        try {
            // HttpRequest.timeout stops at the response headers; this bounds the body as well.
            return future.get(left.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new FetchException(start.toString(), "timed out after " + requestTimeout, e);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new FetchException(start.toString(), "interrupted", e);
        } catch (ExecutionException e) {
            throw new FetchException(start.toString(), describe(e.getCause()), e.getCause());
        }
    }

    private HttpResponse.BodySubscriber<byte[]> bodyHandler(HttpResponse.ResponseInfo info) {
        int status = info.statusCode();
        if (status < 200 || status > 299) {
            // Redirects, 304 and errors: their bodies are never used.
            return HttpResponse.BodySubscribers.replacing(new byte[0]);
        }
        return new CappedBodySubscriber(maxBody, info.headers().firstValueAsLong("Content-Length").orElse(-1L));
    }

    private URI redirectTarget(URI start, URI current, HttpResponse<?> response) throws FetchException {
        String location = header(response, "Location");
        if (location == null) {
            throw new FetchException(start.toString(), "HTTP status " + response.statusCode() + " without Location",
                    response.statusCode(), null);
        }
        URI target;
        try {
            target = current.resolve(URI.create(location.strip()));
        } catch (IllegalArgumentException e) {
            throw new FetchException(start.toString(), "invalid redirect Location '" + location + "'", e);
        }
        String scheme = target.getScheme() == null ? "" : target.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new FetchException(start.toString(), "redirect to non-HTTP location " + target + " refused");
        }
        return target;
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    private String describe(Throwable cause) {
        if (cause instanceof HttpConnectTimeoutException) {
            return "connect timed out";
        }
        // The JDK's client reports both without a message; its cause tells which.
        if (cause instanceof ConnectException && cause.getMessage() == null) {
            return cause.getCause() instanceof UnresolvedAddressException ? "unknown host" : "connection refused";
        }
        if (cause instanceof HttpTimeoutException) {
            return "timed out after " + requestTimeout;
        }
        String msg = cause.getMessage();
        return msg == null || msg.isBlank() ? cause.getClass().getSimpleName() : msg;
    }
}
