CREATE TABLE "media_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"outlet" text NOT NULL,
	"url" text,
	"published_on" text NOT NULL,
	"summary" text NOT NULL,
	"tone" text NOT NULL,
	"unit_codes" text[] NOT NULL,
	"fact_check_unit" text,
	"fact_check_due_at" timestamp with time zone,
	"fact_check_note" text,
	"clarification_kind" text,
	"clarification_url" text,
	"clarified_at" timestamp with time zone,
	"overdue_alerted_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "media_items_tone_check" CHECK ("media_items"."tone" in ('positive', 'neutral', 'negative'))
);
--> statement-breakpoint
CREATE TABLE "petition_identities" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"email" text,
	"phone" text,
	"address" text
);
--> statement-breakpoint
CREATE TABLE "petition_links" (
	"case_id" uuid NOT NULL,
	"earlier_case_id" uuid NOT NULL,
	"reasons" text[] NOT NULL,
	"similarity" real NOT NULL,
	"linked_at" timestamp with time zone NOT NULL,
	CONSTRAINT "petition_links_case_id_earlier_case_id_pk" PRIMARY KEY("case_id","earlier_case_id")
);
--> statement-breakpoint
CREATE TABLE "petition_officers" (
	"staff_id" uuid PRIMARY KEY NOT NULL,
	"designated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "petition_pair_counts" (
	"pair" integer PRIMARY KEY NOT NULL,
	"petitions" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "petition_submissions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"token_hash" text NOT NULL,
	"values" jsonb NOT NULL,
	"lang" text NOT NULL,
	"code_hash" text NOT NULL,
	"code_expires_at" timestamp with time zone NOT NULL,
	"code_attempts" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "petition_submissions_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "petition_types" (
	"service_code" text PRIMARY KEY NOT NULL,
	"outer_limit_working_days" integer DEFAULT 30 NOT NULL,
	"needs_answer_approval" boolean DEFAULT true NOT NULL,
	"is_confidential" boolean DEFAULT false NOT NULL,
	"is_on_mailbox" boolean DEFAULT true NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "petitions" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"source" text NOT NULL,
	"is_confidential" boolean DEFAULT false NOT NULL,
	"is_english" boolean DEFAULT false NOT NULL,
	"contact_hashes" text[] DEFAULT '{}'::text[] NOT NULL,
	"place_key" text,
	"text_pairs" integer[] NOT NULL,
	"decline_ground" text,
	"cited_case_id" uuid,
	"read_back_at" timestamp with time zone,
	"message_id" text,
	"received_at" timestamp with time zone NOT NULL,
	CONSTRAINT "petitions_source_check" CHECK ("petitions"."source" in ('director_mailbox', 'suggestion_box', 'hotline_1999', 'letter', 'oral', 'email')),
	CONSTRAINT "petitions_decline_ground_check" CHECK ("petitions"."decline_ground" is null or "petitions"."decline_ground" in ('no_content', 'no_identity', 'repeat_answered'))
);
--> statement-breakpoint
ALTER TABLE "case_events" DROP CONSTRAINT "case_events_kind_known";--> statement-breakpoint
ALTER TABLE "cases" DROP CONSTRAINT "cases_state_known";--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "outer_limit_working_days" integer;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "needs_answer_approval" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "due_at_answer" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "media_items" ADD CONSTRAINT "media_items_created_by_staff_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petition_identities" ADD CONSTRAINT "petition_identities_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petition_links" ADD CONSTRAINT "petition_links_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petition_links" ADD CONSTRAINT "petition_links_earlier_case_id_cases_id_fk" FOREIGN KEY ("earlier_case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petition_officers" ADD CONSTRAINT "petition_officers_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petition_types" ADD CONSTRAINT "petition_types_service_code_services_code_fk" FOREIGN KEY ("service_code") REFERENCES "public"."services"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petitions" ADD CONSTRAINT "petitions_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petitions" ADD CONSTRAINT "petitions_cited_case_id_cases_id_fk" FOREIGN KEY ("cited_case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "media_items_due_idx" ON "media_items" USING btree ("fact_check_due_at") WHERE "media_items"."clarified_at" is null;--> statement-breakpoint
CREATE INDEX "petition_links_earlier_idx" ON "petition_links" USING btree ("earlier_case_id");--> statement-breakpoint
CREATE INDEX "petitions_contact_hashes_idx" ON "petitions" USING gin ("contact_hashes");--> statement-breakpoint
CREATE INDEX "petitions_text_pairs_idx" ON "petitions" USING gin ("text_pairs");--> statement-breakpoint
CREATE INDEX "petitions_place_key_idx" ON "petitions" USING btree ("place_key","received_at");--> statement-breakpoint
CREATE INDEX "petitions_received_at_idx" ON "petitions" USING btree ("received_at");--> statement-breakpoint
CREATE UNIQUE INDEX "petitions_message_id_unique" ON "petitions" USING btree ("message_id");--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_kind_known" CHECK ("case_events"."kind" in ('accept', 'start', 'request_supplement', 'supplement_received', 'close_unsupplemented', 'request_payment', 'payment_received', 'resolve', 'close', 'reopen', 'transfer', 'forward', 'reject', 'withdraw', 'merge', 'dispatch', 'mark_fixed', 'submit_answer', 'approve_answer', 'return_answer', 'created', 'assigned', 'extension_requested', 'extension_approved', 'extension_refused', 'note'));--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_state_known" CHECK ("cases"."state" in ('received', 'accepted', 'in_progress', 'awaiting_supplement', 'awaiting_payment', 'resolved', 'closed', 'forwarded', 'rejected', 'withdrawn', 'merged', 'dispatched', 'reopened', 'fixed', 'answer_pending'));