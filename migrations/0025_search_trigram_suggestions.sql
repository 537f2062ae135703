-- Suggestions for near-miss queries (issue 15): trigram similarity of a query to the titles in the search
-- index. pg_trgm is a trusted extension (PostgreSQL 13+): a database owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "search_documents_title_trgm_idx" ON "search_documents" USING gin (lower("title") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "search_synonyms_phrase_trgm_idx" ON "search_synonyms" USING gin ("phrase" gin_trgm_ops);
