-- The terms index in segments (issue 15, ADR 0015 "Segments"): the small sources, the FAQ, and the content in
-- eight parts by hashtext(source_id) & 7. Search reads the segments one after another and stops when it has
-- its candidates (a GIN index has no LIMIT). Small pending lists: a search reads each segment's list whole.
DROP INDEX "search_documents_terms_idx";--> statement-breakpoint
CREATE INDEX "search_documents_terms_site_idx" ON "search_documents" USING gin ("terms") WITH (gin_pending_list_limit=128) WHERE source <> 'content' and source <> 'faq';--> statement-breakpoint
CREATE INDEX "search_documents_terms_faq_idx" ON "search_documents" USING gin ("terms") WITH (gin_pending_list_limit=128) WHERE source = 'faq';--> statement-breakpoint
CREATE INDEX "search_documents_terms_content0_idx" ON "search_documents" USING gin ("terms") WITH (gin_pending_list_limit=128) WHERE source = 'content' and (hashtext(source_id) & 7) = 0;--> statement-breakpoint
CREATE INDEX "search_documents_terms_content1_idx" ON "search_documents" USING gin ("terms") WITH (gin_pending_list_limit=128) WHERE source = 'content' and (hashtext(source_id) & 7) = 1;--> statement-breakpoint
CREATE INDEX "search_documents_terms_content2_idx" ON "search_documents" USING gin ("terms") WITH (gin_pending_list_limit=128) WHERE source = 'content' and (hashtext(source_id) & 7) = 2;--> statement-breakpoint
CREATE INDEX "search_documents_terms_content3_idx" ON "search_documents" USING gin ("terms") WITH (gin_pending_list_limit=128) WHERE source = 'content' and (hashtext(source_id) & 7) = 3;--> statement-breakpoint
CREATE INDEX "search_documents_terms_content4_idx" ON "search_documents" USING gin ("terms") WITH (gin_pending_list_limit=128) WHERE source = 'content' and (hashtext(source_id) & 7) = 4;--> statement-breakpoint
CREATE INDEX "search_documents_terms_content5_idx" ON "search_documents" USING gin ("terms") WITH (gin_pending_list_limit=128) WHERE source = 'content' and (hashtext(source_id) & 7) = 5;--> statement-breakpoint
CREATE INDEX "search_documents_terms_content6_idx" ON "search_documents" USING gin ("terms") WITH (gin_pending_list_limit=128) WHERE source = 'content' and (hashtext(source_id) & 7) = 6;--> statement-breakpoint
CREATE INDEX "search_documents_terms_content7_idx" ON "search_documents" USING gin ("terms") WITH (gin_pending_list_limit=128) WHERE source = 'content' and (hashtext(source_id) & 7) = 7;--> statement-breakpoint
ALTER INDEX "search_documents_title_vector_idx" SET (gin_pending_list_limit=256);