-- One row per story: the first item's headline, and how many items (the first one and its copies) carried it.
CREATE TABLE stories (
    story_id      text PRIMARY KEY,
    first_item_id text        NOT NULL,
    title         text        NOT NULL,
    url           text,
    outlet        text        NOT NULL,
    first_seen    timestamptz NOT NULL,
    latest_seen   timestamptz NOT NULL,
    outlet_count  integer     NOT NULL,
    rules_version text
);
CREATE INDEX stories_first_seen ON stories (first_seen);

-- One row per item of a story, the first item (kind 'story') and every syndicated copy (kind 'copy').
CREATE TABLE copies (
    item_id    text PRIMARY KEY,
    story_id   text        NOT NULL REFERENCES stories (story_id),
    kind       text        NOT NULL CHECK (kind IN ('story', 'copy')),
    outlet     text        NOT NULL,
    title      text        NOT NULL,
    url        text,
    feed_url   text,
    published  timestamptz,
    fetched    timestamptz,
    alerted    timestamptz NOT NULL,
    similarity double precision,
    copy_of    text,
    matches    jsonb       NOT NULL
);
CREATE INDEX copies_story ON copies (story_id);
CREATE INDEX copies_alerted ON copies (alerted);

-- The tags of a story (union of its items' tags).
CREATE TABLE tags (
    story_id text NOT NULL REFERENCES stories (story_id),
    tag      text NOT NULL,
    PRIMARY KEY (story_id, tag)
);
CREATE INDEX tags_tag ON tags (tag);
