package dev.newsmon.processor;

import dev.newsmon.common.model.FeedItem;
import dev.newsmon.common.model.MatchedTerm;
import dev.newsmon.common.model.TagMatch;
import dev.newsmon.processor.tagging.TagResult;
import dev.newsmon.processor.tagging.Tagger;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A stand-in for the rule tagger: tags "iss" when the title or text mentions a space station. */
public final class KeywordTagger implements Tagger {
    static final String TAG = "iss";
    static final String RULES_VERSION = "test-keywords-1";
    private static final String PHRASE = "space station";

    @Override
    public TagResult tag(FeedItem item) {
        for (String field : List.of("title", "text")) {
            String value = field.equals("title") ? item.title() : item.text();
            int at = value.toLowerCase(Locale.ROOT).indexOf(PHRASE);
            if (at >= 0) {
                MatchedTerm term = new MatchedTerm(field, value.substring(at, at + PHRASE.length()), at,
                        at + PHRASE.length());
                return new TagResult(List.of(TAG), Map.of(TAG, List.of(new TagMatch("space-station",
                        List.of(term)))), Map.of(), RULES_VERSION);
            }
        }
        return new TagResult(List.of(), Map.of(), Map.of(), RULES_VERSION);
    }
}
