-- Full-text search over the stored alerts: each item's title (weight A), the terms the rules matched in it, its text
-- included (B), and its outlet (C). Generated, so the sink's inserts stay as they were and rows stored before this
-- migration are indexed too. An alert does not carry the item's whole text, so neither does this column.
ALTER TABLE copies ADD COLUMN search tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english', title), 'A')
    || setweight(jsonb_to_tsvector('english', jsonb_path_query_array(matches, '$.*[*].terms[*].term'), '["string"]'), 'B')
    || setweight(to_tsvector('simple', outlet), 'C')
) STORED;
CREATE INDEX copies_search ON copies USING GIN (search);
