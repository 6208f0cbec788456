package dev.newsmon.sink.http;

import dev.newsmon.common.model.MatchedTerm;

import java.util.List;

/**
 * One story a search found.
 *
 * @param story     the story with every stored copy
 * @param rank      how well it matches, higher is better (PostgreSQL's ts_rank of its best alert)
 * @param titleHits the words of the headline that match the query, to highlight
 */
public record SearchHit(StoryView story, double rank, List<MatchedTerm> titleHits) {
    public SearchHit {
        titleHits = List.copyOf(titleHits);
    }
}
