-- What an alert says beyond its matches: the item's language (ISO 639-1) and, per tag, its relevance with the
-- evidence, so that a story rebuilt from the database (the story page, search) explains itself as the live one
-- does. Rows stored before this migration have neither: they read back as an unknown language and no evidence.
ALTER TABLE copies ADD COLUMN language text;
ALTER TABLE copies ADD COLUMN relevance jsonb;
