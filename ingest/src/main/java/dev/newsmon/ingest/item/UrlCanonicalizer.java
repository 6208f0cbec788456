package dev.newsmon.ingest.item;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The canonical form of an article link, so that one article reached through differently decorated links has one
 * URL: scheme and host lower-cased, default port dropped, dot segments removed, an empty path made {@code /},
 * fragment dropped, and tracking parameters removed while the other parameters keep their order and encoding.
 *
 * <p>Tracking parameters removed (names compared case-insensitively): every {@code utm_*}, and
 * {@value #TRACKING_LIST}.
 *
 * <p>Only http and https links are canonical links; anything else (mailto:, file:, a host with characters
 * java.net.URI does not accept as a host name, text that is no URL) gives null.
 */
public final class UrlCanonicalizer {
    static final String TRACKING_LIST = "fbclid, gclid, dclid, gbraid, wbraid, msclkid, yclid, twclid, ttclid, "
            + "igshid, mc_cid, mc_eid, mkt_tok, _ga, _gl, _hsenc, _hsmi, hsctatracking, oly_anon_id, oly_enc_id, "
            + "vero_id, wickedid, ref, ref_src, ref_url, referrer, cmpid, s_cid, ncid, sr_share, at_medium, "
            + "at_campaign, spm, cid_source, rss_source";
    private static final Set<String> TRACKING = Set.of(TRACKING_LIST.split(",\\s*"));

    private UrlCanonicalizer() {
    }

    /** @return the canonical URL, or null when {@code url} is null, blank, not a URL, or not http(s) */
    public static String canonicalize(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        URI uri;
        try {
            // Feeds do carry links with literal spaces; they are meant as %20.
            uri = new URI(url.strip().replace(" ", "%20")).normalize();
        } catch (URISyntaxException e) {
            return null;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if ((!scheme.equals("http") && !scheme.equals("https")) || uri.getHost() == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder(scheme).append("://");
        if (uri.getRawUserInfo() != null) {
            sb.append(uri.getRawUserInfo()).append('@');
        }
        sb.append(uri.getHost().toLowerCase(Locale.ROOT));
        int port = uri.getPort();
        if (port != -1 && !(scheme.equals("http") && port == 80) && !(scheme.equals("https") && port == 443)) {
            sb.append(':').append(port);
        }
        String path = uri.getRawPath();
        sb.append(path == null || path.isEmpty() ? "/" : path);
        String query = keptQuery(uri.getRawQuery());
        if (!query.isEmpty()) {
            sb.append('?').append(query);
        }
        return sb.toString();
    }

    private static String keptQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        StringJoiner kept = new StringJoiner("&");
        for (String param : rawQuery.split("&")) {
            if (!param.isEmpty() && !isTracking(param)) {
                kept.add(param);
            }
        }
        return kept.toString();
    }

    private static boolean isTracking(String param) {
        int eq = param.indexOf('=');
        String rawName = eq < 0 ? param : param.substring(0, eq);
        String name;
        try {
            name = URLDecoder.decode(rawName, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            // A malformed %-escape: not one of ours, so keep it.
            return false;
        }
        return name.startsWith("utm_") || TRACKING.contains(name);
    }
}
