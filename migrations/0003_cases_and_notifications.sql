CREATE TABLE "case_attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"media_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"checklist_item_id" text,
	"uploaded_by_staff_id" uuid,
	"uploaded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_extensions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"amount" integer NOT NULL,
	"reason" text NOT NULL,
	"requested_by" uuid NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"state" text DEFAULT 'pending' NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_note" text,
	CONSTRAINT "case_extensions_state_known" CHECK ("case_extensions"."state" in ('pending', 'approved', 'refused')),
	CONSTRAINT "case_extensions_amount_positive" CHECK ("case_extensions"."amount" between 1 and 365)
);
--> statement-breakpoint
CREATE TABLE "case_number_counters" (
	"day" date PRIMARY KEY NOT NULL,
	"last_number" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"kind" text NOT NULL,
	"from_state" text,
	"to_state" text,
	"actor_staff_id" uuid,
	"actor_label" text NOT NULL,
	"public_note" text,
	"internal_note" text,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	CONSTRAINT "case_events_kind_known" CHECK ("case_events"."kind" in ('accept', 'start', 'request_supplement', 'supplement_received', 'resolve', 'close', 'reopen', 'transfer', 'forward', 'reject', 'withdraw', 'merge', 'created', 'assigned', 'extension_requested', 'extension_approved', 'extension_refused', 'note'))
);
--> statement-breakpoint
CREATE TABLE "cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_number" text NOT NULL,
	"lookup_code" text NOT NULL,
	"kind" text NOT NULL,
	"channel" text NOT NULL,
	"service_code" text NOT NULL,
	"service_version" integer NOT NULL,
	"unit_code" text NOT NULL,
	"handler_id" uuid,
	"state" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"applicant_type" text NOT NULL,
	"applicant_name" text NOT NULL,
	"applicant_company" text,
	"applicant_phone" text,
	"applicant_email" text,
	"applicant_address" text,
	"applicant_lang" text NOT NULL,
	"consent_at" timestamp with time zone NOT NULL,
	"subject" text NOT NULL,
	"description" text NOT NULL,
	"form_data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"checklist_received" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"district_code" text,
	"address" text,
	"latitude" double precision,
	"longitude" double precision,
	"received_at" timestamp with time zone NOT NULL,
	"deadline_rule" jsonb NOT NULL,
	"pauses" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"extension_amount" integer DEFAULT 0 NOT NULL,
	"due_at" timestamp with time zone,
	"at_risk_at" timestamp with time zone,
	"expected_completion_date" date,
	"resolution" text,
	"resolved_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"forwarded_to" text,
	"merged_into_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "cases_state_known" CHECK ("cases"."state" in ('received', 'accepted', 'in_progress', 'awaiting_supplement', 'resolved', 'closed', 'forwarded', 'rejected', 'withdrawn', 'merged')),
	CONSTRAINT "cases_channel_known" CHECK ("cases"."channel" in ('counter', 'web', 'phone', 'email', 'hotline_1999', 'api')),
	CONSTRAINT "cases_applicant_type_known" CHECK ("cases"."applicant_type" in ('person', 'company')),
	CONSTRAINT "cases_applicant_lang_known" CHECK ("cases"."applicant_lang" in ('zh-TW', 'en')),
	CONSTRAINT "cases_version_positive" CHECK ("cases"."version" >= 1)
);
--> statement-breakpoint
CREATE TABLE "routing_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"service_code" text NOT NULL,
	"district_code" text,
	"unit_code" text NOT NULL,
	"note" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notification_deliveries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid,
	"topic" text NOT NULL,
	"channel" text NOT NULL,
	"recipient" text NOT NULL,
	"lang" text NOT NULL,
	"subject" text NOT NULL,
	"body_text" text NOT NULL,
	"body_html" text,
	"state" text DEFAULT 'queued' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"dedupe_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	"next_attempt_at" timestamp with time zone,
	CONSTRAINT "notification_deliveries_dedupe_key_unique" UNIQUE("dedupe_key"),
	CONSTRAINT "notification_deliveries_channel_known" CHECK ("notification_deliveries"."channel" in ('email', 'sms')),
	CONSTRAINT "notification_deliveries_state_known" CHECK ("notification_deliveries"."state" in ('queued', 'sent', 'failed', 'outbox')),
	CONSTRAINT "notification_deliveries_lang_known" CHECK ("notification_deliveries"."lang" in ('zh-TW', 'en')),
	CONSTRAINT "notification_deliveries_attempts_not_negative" CHECK ("notification_deliveries"."attempts" >= 0)
);
--> statement-breakpoint
ALTER TABLE "case_attachments" ADD CONSTRAINT "case_attachments_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_attachments" ADD CONSTRAINT "case_attachments_uploaded_by_staff_id_staff_id_fk" FOREIGN KEY ("uploaded_by_staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_extensions" ADD CONSTRAINT "case_extensions_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_extensions" ADD CONSTRAINT "case_extensions_requested_by_staff_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_extensions" ADD CONSTRAINT "case_extensions_decided_by_staff_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_actor_staff_id_staff_id_fk" FOREIGN KEY ("actor_staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_unit_code_units_code_fk" FOREIGN KEY ("unit_code") REFERENCES "public"."units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_handler_id_staff_id_fk" FOREIGN KEY ("handler_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_district_code_districts_code_fk" FOREIGN KEY ("district_code") REFERENCES "public"."districts"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_service_version_fk" FOREIGN KEY ("service_code","service_version") REFERENCES "public"."service_versions"("service_code","version") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_merged_into_fk" FOREIGN KEY ("merged_into_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "routing_rules" ADD CONSTRAINT "routing_rules_service_code_services_code_fk" FOREIGN KEY ("service_code") REFERENCES "public"."services"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "routing_rules" ADD CONSTRAINT "routing_rules_district_code_districts_code_fk" FOREIGN KEY ("district_code") REFERENCES "public"."districts"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "routing_rules" ADD CONSTRAINT "routing_rules_unit_code_units_code_fk" FOREIGN KEY ("unit_code") REFERENCES "public"."units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_deliveries" ADD CONSTRAINT "notification_deliveries_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_attachments_case_id_idx" ON "case_attachments" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "case_extensions_case_id_idx" ON "case_extensions" USING btree ("case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "case_extensions_one_pending" ON "case_extensions" USING btree ("case_id") WHERE "case_extensions"."state" = 'pending';--> statement-breakpoint
CREATE INDEX "case_events_case_id_idx" ON "case_events" USING btree ("case_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "cases_case_number_unique" ON "cases" USING btree ("case_number");--> statement-breakpoint
CREATE INDEX "cases_unit_open_due_idx" ON "cases" USING btree ("unit_code","due_at") WHERE "cases"."state" not in ('closed', 'forwarded', 'rejected', 'withdrawn', 'merged');--> statement-breakpoint
CREATE INDEX "cases_handler_open_due_idx" ON "cases" USING btree ("handler_id","due_at") WHERE "cases"."state" not in ('closed', 'forwarded', 'rejected', 'withdrawn', 'merged');--> statement-breakpoint
CREATE INDEX "cases_open_at_risk_idx" ON "cases" USING btree ("at_risk_at") WHERE "cases"."state" not in ('closed', 'forwarded', 'rejected', 'withdrawn', 'merged');--> statement-breakpoint
CREATE INDEX "cases_applicant_phone_idx" ON "cases" USING btree ("applicant_phone");--> statement-breakpoint
CREATE INDEX "cases_applicant_name_idx" ON "cases" USING btree ("applicant_name");--> statement-breakpoint
CREATE INDEX "cases_received_at_idx" ON "cases" USING btree ("received_at");--> statement-breakpoint
CREATE INDEX "cases_service_code_idx" ON "cases" USING btree ("service_code");--> statement-breakpoint
CREATE UNIQUE INDEX "routing_rules_service_district_unique" ON "routing_rules" USING btree ("service_code",coalesce("district_code", ''));--> statement-breakpoint
CREATE INDEX "notification_deliveries_case_idx" ON "notification_deliveries" USING btree ("case_id","created_at") WHERE "notification_deliveries"."case_id" is not null;--> statement-breakpoint
CREATE INDEX "notification_deliveries_created_idx" ON "notification_deliveries" USING btree ("created_at");