package dev.newsmon.sink.channel;

import java.util.List;

/** A channel message as a subject, plain text and HTML: what email and ntfy show. */
final class MessageText {
    private MessageText() {
    }

    static String subject(ChannelMessage m) {
        String what = switch (m.kind()) {
            case STORY -> "";
            case COPY -> "copy: ";
            case GROWTH -> "spreading: ";
            case DIGEST -> "";
        };
        return "[" + m.subscription() + "] " + what + m.title();
    }

    static String plain(ChannelMessage m) {
        StringBuilder b = new StringBuilder();
        if (m.kind() == ChannelMessage.Kind.DIGEST) {
            b.append(m.title()).append("\n");
            for (ChannelMessage.Story s : m.stories()) {
                b.append("\n- ").append(s.headline()).append("\n");
                if (s.url() != null) {
                    b.append("  ").append(s.url()).append("\n");
                }
                b.append("  ").append(String.join(", ", s.outlets())).append("; first ")
                        .append(ChannelMessages.clock(s.firstSeen())).append(", latest ")
                        .append(ChannelMessages.clock(s.latestSeen())).append("\n");
            }
            return b.toString();
        }
        b.append(m.kind() == ChannelMessage.Kind.GROWTH ? "Spreading: " : "").append(m.title()).append("\n");
        if (m.url() != null) {
            b.append(m.url()).append("\n");
        }
        line(b, "Tags", m.tags());
        line(b, "Outlets", m.outlets());
        line(b, "Matched", m.terms());
        return b.toString();
    }

    static String html(ChannelMessage m) {
        StringBuilder b = new StringBuilder("<!DOCTYPE html><html><body>");
        if (m.kind() == ChannelMessage.Kind.DIGEST) {
            b.append("<h1>").append(esc(m.title())).append("</h1><ul>");
            for (ChannelMessage.Story s : m.stories()) {
                b.append("<li>").append(link(s.headline(), s.url())).append("<br>")
                        .append(esc(String.join(", ", s.outlets()))).append("; first ")
                        .append(esc(ChannelMessages.clock(s.firstSeen()))).append(", latest ")
                        .append(esc(ChannelMessages.clock(s.latestSeen()))).append("</li>");
            }
            return b.append("</ul></body></html>").toString();
        }
        b.append("<p>").append(m.kind() == ChannelMessage.Kind.GROWTH ? "Spreading: " : "")
                .append("<strong>").append(link(m.title(), m.url())).append("</strong></p><ul>");
        item(b, "Tags", m.tags());
        item(b, "Outlets", m.outlets());
        item(b, "Matched", m.terms());
        return b.append("</ul></body></html>").toString();
    }

    private static void line(StringBuilder b, String label, List<String> values) {
        if (!values.isEmpty()) {
            b.append(label).append(": ").append(String.join(", ", values)).append("\n");
        }
    }

    private static void item(StringBuilder b, String label, List<String> values) {
        if (!values.isEmpty()) {
            b.append("<li>").append(label).append(": ").append(esc(String.join(", ", values))).append("</li>");
        }
    }

    private static String link(String text, String url) {
        return url == null ? esc(text) : "<a href=\"" + esc(url) + "\">" + esc(text) + "</a>";
    }

    static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
