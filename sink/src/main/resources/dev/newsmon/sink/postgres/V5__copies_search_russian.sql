-- Search Russian headlines by their stems too. PostgreSQL's 'russian' configuration stems Cyrillic words with the
-- Russian Snowball stemmer and ASCII words with the English one, so English headlines are searched as before
-- (станции finds станция, stations finds station). Only words with non-ASCII Latin letters (café) lose English
-- stemming. The query side (PostgresStoryArchive) uses the same configuration.
DROP INDEX copies_search;
ALTER TABLE copies DROP COLUMN search;
ALTER TABLE copies ADD COLUMN search tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('russian', title), 'A')
    || setweight(jsonb_to_tsvector('russian', jsonb_path_query_array(matches, '$.*[*].terms[*].term'), '["string"]'), 'B')
    || setweight(to_tsvector('simple', outlet), 'C')
) STORED;
CREATE INDEX copies_search ON copies USING GIN (search);
