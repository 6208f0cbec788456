package dev.newsmon.sink.http;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/** Stories kept beyond the view's window, to search and to look up: the PostgreSQL sink's tables. */
public interface StoryArchive {
    /** Stories with an alert that matches, best first. */
    List<SearchHit> search(SearchQuery query) throws IOException;

    Optional<StoryView> story(String storyId) throws IOException;
}
