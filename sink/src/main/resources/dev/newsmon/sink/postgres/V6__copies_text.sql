-- The item's plain text, as the alert carries it (its first 20,000 characters; null in alerts written before
-- alerts had it), so that a story is found by a word of its body, not only of its headline, matched terms and
-- outlet. The text gets the lowest weight (D): a word in the body alone ranks below the same word anywhere else.
ALTER TABLE copies ADD COLUMN text text;
DROP INDEX copies_search;
ALTER TABLE copies DROP COLUMN search;
ALTER TABLE copies ADD COLUMN search tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('russian', title), 'A')
    || setweight(jsonb_to_tsvector('russian', jsonb_path_query_array(matches, '$.*[*].terms[*].term'), '["string"]'), 'B')
    || setweight(to_tsvector('simple', outlet), 'C')
    || setweight(to_tsvector('russian', coalesce(text, '')), 'D')
) STORED;
CREATE INDEX copies_search ON copies USING GIN (search);
