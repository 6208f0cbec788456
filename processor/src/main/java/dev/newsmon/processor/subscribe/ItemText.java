package dev.newsmon.processor.subscribe;

/** The searchable words of one item, kept a while for the subscriptions' queries. */
record ItemText(String title, String text) {
    /** Longer texts are cut: a query that needs the 20,001st character of an article is not one to serve. */
    static final int MAX_TEXT = 20_000;

    ItemText {
        title = title == null ? "" : title;
        text = text == null ? "" : text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text;
    }
}
