CREATE TABLE "case_faq_proposals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"question" text NOT NULL,
	"answer" text NOT NULL,
	"proposed_by_staff_id" uuid NOT NULL,
	"proposed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"state" text DEFAULT 'open' NOT NULL,
	"closed_by_staff_id" uuid,
	"closed_at" timestamp with time zone,
	"faq_entry_id" uuid,
	CONSTRAINT "case_faq_proposals_state_known" CHECK ("case_faq_proposals"."state" in ('open', 'used', 'dismissed'))
);
--> statement-breakpoint
CREATE TABLE "content_attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"file_name" text NOT NULL,
	"media_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea",
	"title_zh" text NOT NULL,
	"title_en" text,
	"role" text DEFAULT 'file' NOT NULL,
	"extracted_text" text DEFAULT '' NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"added_by_staff_id" uuid,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "content_attachments_role_known" CHECK ("content_attachments"."role" in ('file', 'sample'))
);
--> statement-breakpoint
CREATE TABLE "content_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" integer GENERATED ALWAYS AS IDENTITY (sequence name "content_items_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"kind" text NOT NULL,
	"unit_code" text NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"current_version" integer DEFAULT 1 NOT NULL,
	"published_version" integer,
	"visible_from" timestamp with time zone,
	"visible_until" timestamp with time zone,
	"foi_kinds" text[] DEFAULT '{}'::text[] NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_by_staff_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "content_items_number_unique" UNIQUE("number"),
	CONSTRAINT "content_items_kind_known" CHECK ("content_items"."kind" in ('announcement', 'news', 'regulation', 'form', 'plan_report', 'activity', 'procurement', 'publication', 'topic')),
	CONSTRAINT "content_items_state_known" CHECK ("content_items"."state" in ('draft', 'in_review', 'approved', 'withdrawn'))
);
--> statement-breakpoint
CREATE TABLE "content_versions" (
	"item_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"title_zh" text NOT NULL,
	"title_en" text,
	"summary_zh" text DEFAULT '' NOT NULL,
	"summary_en" text,
	"body_zh" text DEFAULT '' NOT NULL,
	"body_en" text,
	"subjects_zh" text[] DEFAULT '{}'::text[] NOT NULL,
	"subjects_en" text[] DEFAULT '{}'::text[] NOT NULL,
	"creators" text[] DEFAULT '{}'::text[] NOT NULL,
	"contributors" text[] DEFAULT '{}'::text[] NOT NULL,
	"sources" text[] DEFAULT '{}'::text[] NOT NULL,
	"relations" text[] DEFAULT '{}'::text[] NOT NULL,
	"rights" text,
	"coverage_start" date,
	"coverage_end" date,
	"theme_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"cake_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"service_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"publish_at" timestamp with time zone,
	"expire_at" timestamp with time zone,
	"edited_by_staff_id" uuid,
	"edited_at" timestamp with time zone DEFAULT now() NOT NULL,
	"change_note" text DEFAULT '' NOT NULL,
	"submitted_by_staff_id" uuid,
	"submitted_at" timestamp with time zone,
	"reviewed_by_staff_id" uuid,
	"reviewed_at" timestamp with time zone,
	"review_decision" text,
	"review_note" text DEFAULT '' NOT NULL,
	CONSTRAINT "content_versions_item_id_version_pk" PRIMARY KEY("item_id","version"),
	CONSTRAINT "content_versions_review_known" CHECK ("content_versions"."review_decision" is null or "content_versions"."review_decision" in ('approved', 'returned'))
);
--> statement-breakpoint
CREATE TABLE "faq_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" integer GENERATED ALWAYS AS IDENTITY (sequence name "faq_entries_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"unit_code" text NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"question_zh" text NOT NULL,
	"question_en" text,
	"variants_zh" text[] DEFAULT '{}'::text[] NOT NULL,
	"variants_en" text[] DEFAULT '{}'::text[] NOT NULL,
	"answer_zh" text NOT NULL,
	"answer_en" text,
	"related_service_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"theme_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"cake_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"service_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"source_proposal_id" uuid,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_by_staff_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by_staff_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone,
	CONSTRAINT "faq_entries_number_unique" UNIQUE("number"),
	CONSTRAINT "faq_entries_state_known" CHECK ("faq_entries"."state" in ('draft', 'published', 'withdrawn'))
);
--> statement-breakpoint
CREATE TABLE "faq_feedback" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"faq_id" uuid NOT NULL,
	"is_useful" boolean NOT NULL,
	"comment" text,
	"lang" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "search_documents" (
	"source" text NOT NULL,
	"source_id" text NOT NULL,
	"lang" text NOT NULL,
	"kind" text NOT NULL,
	"path" text NOT NULL,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"file_text" text DEFAULT '' NOT NULL,
	"unit_code" text,
	"published_on" date,
	"visible_from" timestamp with time zone,
	"visible_until" timestamp with time zone,
	"theme_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"cake_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"service_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"title_terms" text NOT NULL,
	"summary_terms" text DEFAULT '' NOT NULL,
	"body_terms" text DEFAULT '' NOT NULL,
	"file_terms" text DEFAULT '' NOT NULL,
	"terms" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('simple', title_terms), 'A') || setweight(to_tsvector('simple', summary_terms), 'B') || setweight(to_tsvector('simple', body_terms), 'C') || setweight(to_tsvector('simple', file_terms), 'D')) STORED,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "search_documents_source_source_id_lang_pk" PRIMARY KEY("source","source_id","lang")
);
--> statement-breakpoint
CREATE TABLE "search_misses" (
	"query" text NOT NULL,
	"lang" text NOT NULL,
	"day" date NOT NULL,
	"count" integer DEFAULT 1 NOT NULL,
	"last_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "search_misses_query_lang_day_pk" PRIMARY KEY("query","lang","day")
);
--> statement-breakpoint
CREATE TABLE "search_synonyms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"phrase" text NOT NULL,
	"expansion" text NOT NULL,
	"updated_by_staff_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "search_synonyms_phrase_unique" UNIQUE("phrase")
);
--> statement-breakpoint
ALTER TABLE "case_faq_proposals" ADD CONSTRAINT "case_faq_proposals_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_faq_proposals" ADD CONSTRAINT "case_faq_proposals_proposed_by_staff_id_staff_id_fk" FOREIGN KEY ("proposed_by_staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_faq_proposals" ADD CONSTRAINT "case_faq_proposals_closed_by_staff_id_staff_id_fk" FOREIGN KEY ("closed_by_staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "content_attachments" ADD CONSTRAINT "content_attachments_added_by_staff_id_staff_id_fk" FOREIGN KEY ("added_by_staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "content_attachments" ADD CONSTRAINT "content_attachments_item_id_version_content_versions_item_id_version_fk" FOREIGN KEY ("item_id","version") REFERENCES "public"."content_versions"("item_id","version") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "content_items" ADD CONSTRAINT "content_items_unit_code_units_code_fk" FOREIGN KEY ("unit_code") REFERENCES "public"."units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "content_items" ADD CONSTRAINT "content_items_created_by_staff_id_staff_id_fk" FOREIGN KEY ("created_by_staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "content_versions" ADD CONSTRAINT "content_versions_item_id_content_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."content_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "content_versions" ADD CONSTRAINT "content_versions_edited_by_staff_id_staff_id_fk" FOREIGN KEY ("edited_by_staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "content_versions" ADD CONSTRAINT "content_versions_submitted_by_staff_id_staff_id_fk" FOREIGN KEY ("submitted_by_staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "content_versions" ADD CONSTRAINT "content_versions_reviewed_by_staff_id_staff_id_fk" FOREIGN KEY ("reviewed_by_staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "faq_entries" ADD CONSTRAINT "faq_entries_unit_code_units_code_fk" FOREIGN KEY ("unit_code") REFERENCES "public"."units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "faq_entries" ADD CONSTRAINT "faq_entries_created_by_staff_id_staff_id_fk" FOREIGN KEY ("created_by_staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "faq_entries" ADD CONSTRAINT "faq_entries_updated_by_staff_id_staff_id_fk" FOREIGN KEY ("updated_by_staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "faq_feedback" ADD CONSTRAINT "faq_feedback_faq_id_faq_entries_id_fk" FOREIGN KEY ("faq_id") REFERENCES "public"."faq_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_faq_proposals_open_idx" ON "case_faq_proposals" USING btree ("proposed_at") WHERE "case_faq_proposals"."state" = 'open';--> statement-breakpoint
CREATE INDEX "case_faq_proposals_case_idx" ON "case_faq_proposals" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "content_attachments_item_idx" ON "content_attachments" USING btree ("item_id","version");--> statement-breakpoint
CREATE INDEX "content_attachments_sha256_idx" ON "content_attachments" USING btree ("sha256");--> statement-breakpoint
CREATE INDEX "content_items_public_idx" ON "content_items" USING btree ("kind","visible_from") WHERE "content_items"."published_version" is not null;--> statement-breakpoint
CREATE INDEX "content_items_state_idx" ON "content_items" USING btree ("state");--> statement-breakpoint
CREATE INDEX "content_items_unit_idx" ON "content_items" USING btree ("unit_code");--> statement-breakpoint
CREATE INDEX "faq_entries_state_idx" ON "faq_entries" USING btree ("state");--> statement-breakpoint
CREATE INDEX "faq_entries_related_services_idx" ON "faq_entries" USING gin ("related_service_codes");--> statement-breakpoint
CREATE INDEX "faq_feedback_faq_idx" ON "faq_feedback" USING btree ("faq_id","created_at");--> statement-breakpoint
CREATE INDEX "search_documents_terms_idx" ON "search_documents" USING gin ("terms");--> statement-breakpoint
CREATE INDEX "search_documents_kind_date_idx" ON "search_documents" USING btree ("lang","kind","published_on");--> statement-breakpoint
CREATE INDEX "search_documents_unit_idx" ON "search_documents" USING btree ("unit_code");--> statement-breakpoint
CREATE INDEX "search_documents_theme_idx" ON "search_documents" USING gin ("theme_codes");--> statement-breakpoint
CREATE INDEX "search_documents_cake_idx" ON "search_documents" USING gin ("cake_codes");--> statement-breakpoint
CREATE INDEX "search_documents_service_idx" ON "search_documents" USING gin ("service_codes");