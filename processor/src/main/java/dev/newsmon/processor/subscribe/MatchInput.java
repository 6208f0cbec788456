package dev.newsmon.processor.subscribe;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An alert on its way to the subscriptions: its JSON as the processor wrote it (fields this version does not know,
 * such as a language, pass through untouched) and its item's text, when the item was still known.
 *
 * @param alert the alert's JSON
 * @param text  the item's text, or null when it was not found within subscribers.text.window
 */
record MatchInput(ObjectNode alert, String text) {
}
