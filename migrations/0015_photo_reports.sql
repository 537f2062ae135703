CREATE TABLE "api_keys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"key_hash" text NOT NULL,
	"key_prefix" text NOT NULL,
	"rate_per_minute" integer DEFAULT 60 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by_staff_id" uuid,
	"revoked_at" timestamp with time zone,
	"last_used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "field_reports" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"village_code" text,
	"show_name" boolean DEFAULT false NOT NULL,
	"published_at" timestamp with time zone,
	"confirm_token_hash" text,
	"client_name" text,
	"open311_token" text
);
--> statement-breakpoint
CREATE TABLE "report_confirmed_addresses" (
	"email_hash" text PRIMARY KEY NOT NULL,
	"confirmed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_followers" (
	"case_id" uuid NOT NULL,
	"email" text NOT NULL,
	"lang" text NOT NULL,
	"followed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "report_followers_pk" PRIMARY KEY("case_id","email")
);
--> statement-breakpoint
CREATE TABLE "report_photos" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"role" text NOT NULL,
	"position" integer NOT NULL,
	"original_sha256" text NOT NULL,
	"original_media_type" text NOT NULL,
	"public_sha256" text NOT NULL,
	"thumb_sha256" text NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"added_at" timestamp with time zone NOT NULL,
	"added_by_staff_id" uuid,
	"hidden_at" timestamp with time zone,
	"hidden_reason" text,
	"hidden_by_staff_id" uuid,
	CONSTRAINT "report_photos_role_known" CHECK ("report_photos"."role" in ('report', 'fix', 'not_fixed')),
	CONSTRAINT "report_photos_hidden_with_reason" CHECK (("report_photos"."hidden_at" is null) = ("report_photos"."hidden_reason" is null))
);
--> statement-breakpoint
CREATE TABLE "stored_files" (
	"sha256" text PRIMARY KEY NOT NULL,
	"size_bytes" bigint NOT NULL,
	"media_type" text NOT NULL,
	"stored_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "case_events" DROP CONSTRAINT "case_events_kind_known";--> statement-breakpoint
ALTER TABLE "cases" DROP CONSTRAINT "cases_state_known";--> statement-breakpoint
ALTER TABLE "control_progress_evidence" DROP CONSTRAINT "control_progress_evidence_kind";--> statement-breakpoint
DROP INDEX "cases_unit_open_due_idx";--> statement-breakpoint
DROP INDEX "cases_handler_open_due_idx";--> statement-breakpoint
DROP INDEX "cases_open_at_risk_idx";--> statement-breakpoint
ALTER TABLE "case_attachments" ALTER COLUMN "content" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "control_check_evidence" ALTER COLUMN "content" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_created_by_staff_id_staff_id_fk" FOREIGN KEY ("created_by_staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "field_reports" ADD CONSTRAINT "field_reports_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "field_reports" ADD CONSTRAINT "field_reports_village_code_villages_code_fk" FOREIGN KEY ("village_code") REFERENCES "public"."villages"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_followers" ADD CONSTRAINT "report_followers_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_photos" ADD CONSTRAINT "report_photos_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_photos" ADD CONSTRAINT "report_photos_original_sha256_stored_files_sha256_fk" FOREIGN KEY ("original_sha256") REFERENCES "public"."stored_files"("sha256") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_photos" ADD CONSTRAINT "report_photos_public_sha256_stored_files_sha256_fk" FOREIGN KEY ("public_sha256") REFERENCES "public"."stored_files"("sha256") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_photos" ADD CONSTRAINT "report_photos_thumb_sha256_stored_files_sha256_fk" FOREIGN KEY ("thumb_sha256") REFERENCES "public"."stored_files"("sha256") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_photos" ADD CONSTRAINT "report_photos_added_by_staff_id_staff_id_fk" FOREIGN KEY ("added_by_staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_photos" ADD CONSTRAINT "report_photos_hidden_by_staff_id_staff_id_fk" FOREIGN KEY ("hidden_by_staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "api_keys_name_idx" ON "api_keys" USING btree ("name");--> statement-breakpoint
CREATE UNIQUE INDEX "api_keys_key_hash_idx" ON "api_keys" USING btree ("key_hash");--> statement-breakpoint
CREATE INDEX "api_keys_created_idx" ON "api_keys" USING btree ("created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "field_reports_confirm_token_idx" ON "field_reports" USING btree ("confirm_token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "field_reports_open311_token_idx" ON "field_reports" USING btree ("open311_token");--> statement-breakpoint
CREATE INDEX "field_reports_published_idx" ON "field_reports" USING btree ("published_at");--> statement-breakpoint
CREATE INDEX "report_followers_email_idx" ON "report_followers" USING btree ("email");--> statement-breakpoint
CREATE INDEX "report_photos_case_idx" ON "report_photos" USING btree ("case_id","role","position");--> statement-breakpoint
CREATE INDEX "cases_field_report_open_place_idx" ON "cases" USING btree ("service_code","latitude","longitude") WHERE "cases"."kind" = 'field_report' and "cases"."state" not in ('closed', 'forwarded', 'rejected', 'withdrawn', 'merged', 'fixed');--> statement-breakpoint
CREATE INDEX "cases_field_report_place_idx" ON "cases" USING btree ("latitude","longitude") WHERE "cases"."kind" = 'field_report';--> statement-breakpoint
CREATE INDEX "cases_field_report_received_idx" ON "cases" USING btree ("received_at") WHERE "cases"."kind" = 'field_report';--> statement-breakpoint
CREATE INDEX "cases_unit_open_due_idx" ON "cases" USING btree ("unit_code","due_at") WHERE "cases"."state" not in ('closed', 'forwarded', 'rejected', 'withdrawn', 'merged', 'fixed');--> statement-breakpoint
CREATE INDEX "cases_handler_open_due_idx" ON "cases" USING btree ("handler_id","due_at") WHERE "cases"."state" not in ('closed', 'forwarded', 'rejected', 'withdrawn', 'merged', 'fixed');--> statement-breakpoint
CREATE INDEX "cases_open_at_risk_idx" ON "cases" USING btree ("at_risk_at") WHERE "cases"."state" not in ('closed', 'forwarded', 'rejected', 'withdrawn', 'merged', 'fixed');--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_kind_known" CHECK ("case_events"."kind" in ('accept', 'start', 'request_supplement', 'supplement_received', 'resolve', 'close', 'reopen', 'transfer', 'forward', 'reject', 'withdraw', 'merge', 'dispatch', 'mark_fixed', 'created', 'assigned', 'extension_requested', 'extension_approved', 'extension_refused', 'note'));--> statement-breakpoint
-- Field reports follow their own workflow from now on (issue 10): reports already open or answered move to its states.
UPDATE "cases" SET "state" = 'dispatched' WHERE "kind" = 'field_report' AND "state" IN ('accepted', 'in_progress', 'awaiting_supplement');--> statement-breakpoint
UPDATE "cases" SET "state" = 'fixed', "closed_at" = coalesce("resolved_at", "updated_at") WHERE "kind" = 'field_report' AND "state" = 'resolved';--> statement-breakpoint
INSERT INTO "field_reports" ("case_id") SELECT "id" FROM "cases" WHERE "kind" = 'field_report';--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_state_known" CHECK ("cases"."state" in ('received', 'accepted', 'in_progress', 'awaiting_supplement', 'resolved', 'closed', 'forwarded', 'rejected', 'withdrawn', 'merged', 'dispatched', 'reopened', 'fixed'));--> statement-breakpoint
ALTER TABLE "control_progress_evidence" ADD CONSTRAINT "control_progress_evidence_kind" CHECK (("control_progress_evidence"."kind" = 'link' and "control_progress_evidence"."url" is not null and "control_progress_evidence"."content" is null and "control_progress_evidence"."sha256" is null) or ("control_progress_evidence"."kind" = 'file' and "control_progress_evidence"."sha256" is not null and "control_progress_evidence"."file_name" is not null and "control_progress_evidence"."media_type" is not null));