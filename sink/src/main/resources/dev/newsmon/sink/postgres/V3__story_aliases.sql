-- Other ids of a story: ids a replay gave it, and stories found to be the same one and joined into it
-- (docs/stories.md). An id is a story or an alias, never both. A story by any of its ids:
--   SELECT * FROM stories WHERE story_id = COALESCE((SELECT story_id FROM story_aliases WHERE alias_id = $1), $1)
CREATE TABLE story_aliases (
    alias_id text        PRIMARY KEY,
    story_id text        NOT NULL REFERENCES stories (story_id),
    linked   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX story_aliases_story ON story_aliases (story_id);
