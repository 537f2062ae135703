CREATE TABLE "application_draft_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"draft_id" uuid NOT NULL,
	"checklist_item_id" text NOT NULL,
	"file_name" text NOT NULL,
	"media_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea",
	"uploaded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "application_drafts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"service_code" text NOT NULL,
	"service_version" integer NOT NULL,
	"lang" text NOT NULL,
	"resume_token_hash" text NOT NULL,
	"contact_kind" text,
	"contact" text,
	"code_hash" text,
	"code_sent_at" timestamp with time zone,
	"code_expires_at" timestamp with time zone,
	"code_attempts" integer DEFAULT 0 NOT NULL,
	"contact_verified_at" timestamp with time zone,
	"answers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"completed_steps" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"submitted_at" timestamp with time zone,
	"case_id" uuid,
	CONSTRAINT "application_drafts_contact_kind_known" CHECK ("application_drafts"."contact_kind" in ('email', 'mobile')),
	CONSTRAINT "application_drafts_lang_known" CHECK ("application_drafts"."lang" in ('zh-TW', 'en'))
);
--> statement-breakpoint
CREATE TABLE "deficiency_notices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"sequence" integer NOT NULL,
	"state" text NOT NULL,
	"items" jsonb NOT NULL,
	"supplement_by" date NOT NULL,
	"unit_code" text NOT NULL,
	"service_code" text NOT NULL,
	"drafted_by" uuid NOT NULL,
	"drafted_at" timestamp with time zone NOT NULL,
	"approval_reason" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_note" text,
	"issued_at" timestamp with time zone,
	"supplemented_at" timestamp with time zone,
	"supplemented_via" text,
	"supplement" jsonb,
	"closed_at" timestamp with time zone,
	CONSTRAINT "deficiency_notices_state_known" CHECK ("deficiency_notices"."state" in ('pending_approval', 'issued', 'supplemented', 'lapsed', 'refused', 'withdrawn')),
	CONSTRAINT "deficiency_notices_sequence_positive" CHECK ("deficiency_notices"."sequence" >= 1),
	CONSTRAINT "deficiency_notices_second_has_reason" CHECK ("deficiency_notices"."sequence" = 1 or "deficiency_notices"."approval_reason" is not null),
	CONSTRAINT "deficiency_notices_supplemented_via_known" CHECK ("deficiency_notices"."supplemented_via" in ('online', 'counter'))
);
--> statement-breakpoint
CREATE TABLE "case_payments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"amount_twd" integer NOT NULL,
	"currency" text DEFAULT 'TWD' NOT NULL,
	"method" text NOT NULL,
	"provider" text,
	"provider_reference" text,
	"state" text NOT NULL,
	"receipt_number" text,
	"recorded_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"paid_at" timestamp with time zone,
	"refunded_at" timestamp with time zone,
	"refunded_by" uuid,
	"refund_reason" text,
	CONSTRAINT "case_payments_method_known" CHECK ("case_payments"."method" in ('cash', 'card', 'transfer', 'online')),
	CONSTRAINT "case_payments_state_known" CHECK ("case_payments"."state" in ('pending', 'paid', 'failed', 'refunded')),
	CONSTRAINT "case_payments_amount_positive" CHECK ("case_payments"."amount_twd" > 0)
);
--> statement-breakpoint
CREATE TABLE "payment_callbacks" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"provider" text NOT NULL,
	"provider_reference" text,
	"received_at" timestamp with time zone NOT NULL,
	"outcome" text NOT NULL,
	"payment_id" uuid,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	CONSTRAINT "payment_callbacks_outcome_known" CHECK ("payment_callbacks"."outcome" in ('applied', 'duplicate', 'bad_signature', 'wrong_amount', 'wrong_currency', 'unknown_payment', 'already_paid', 'not_awaiting', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "satisfaction_answers" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"score" smallint NOT NULL,
	"comment" text,
	"service_code" text NOT NULL,
	"unit_code" text NOT NULL,
	"channel" text NOT NULL,
	"answered_at" timestamp with time zone NOT NULL,
	CONSTRAINT "satisfaction_answers_score_range" CHECK ("satisfaction_answers"."score" between 1 and 5)
);
--> statement-breakpoint
ALTER TABLE "case_events" DROP CONSTRAINT "case_events_kind_known";--> statement-breakpoint
ALTER TABLE "cases" DROP CONSTRAINT "cases_state_known";--> statement-breakpoint
ALTER TABLE "case_attachments" ADD COLUMN "purpose" text DEFAULT 'document' NOT NULL;--> statement-breakpoint
ALTER TABLE "case_attachments" ADD COLUMN "deficiency_notice_id" uuid;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "fee_amount_twd" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "fee_lines" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "fee_paid_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "application_draft_files" ADD CONSTRAINT "application_draft_files_draft_id_application_drafts_id_fk" FOREIGN KEY ("draft_id") REFERENCES "public"."application_drafts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_drafts" ADD CONSTRAINT "application_drafts_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deficiency_notices" ADD CONSTRAINT "deficiency_notices_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deficiency_notices" ADD CONSTRAINT "deficiency_notices_unit_code_units_code_fk" FOREIGN KEY ("unit_code") REFERENCES "public"."units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deficiency_notices" ADD CONSTRAINT "deficiency_notices_drafted_by_staff_id_fk" FOREIGN KEY ("drafted_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deficiency_notices" ADD CONSTRAINT "deficiency_notices_decided_by_staff_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_payments" ADD CONSTRAINT "case_payments_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_payments" ADD CONSTRAINT "case_payments_recorded_by_staff_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_payments" ADD CONSTRAINT "case_payments_refunded_by_staff_id_fk" FOREIGN KEY ("refunded_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_callbacks" ADD CONSTRAINT "payment_callbacks_payment_id_case_payments_id_fk" FOREIGN KEY ("payment_id") REFERENCES "public"."case_payments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "satisfaction_answers" ADD CONSTRAINT "satisfaction_answers_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "application_draft_files_draft_idx" ON "application_draft_files" USING btree ("draft_id");--> statement-breakpoint
CREATE INDEX "application_draft_files_sha256_idx" ON "application_draft_files" USING btree ("sha256");--> statement-breakpoint
CREATE UNIQUE INDEX "application_drafts_resume_token_unique" ON "application_drafts" USING btree ("resume_token_hash");--> statement-breakpoint
CREATE INDEX "application_drafts_expires_idx" ON "application_drafts" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "application_drafts_case_idx" ON "application_drafts" USING btree ("case_id") WHERE "application_drafts"."case_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "deficiency_notices_case_sequence_unique" ON "deficiency_notices" USING btree ("case_id","sequence");--> statement-breakpoint
CREATE UNIQUE INDEX "deficiency_notices_one_open" ON "deficiency_notices" USING btree ("case_id") WHERE "deficiency_notices"."state" in ('pending_approval', 'issued');--> statement-breakpoint
CREATE INDEX "deficiency_notices_unit_issued_idx" ON "deficiency_notices" USING btree ("unit_code","issued_at");--> statement-breakpoint
CREATE INDEX "deficiency_notices_service_issued_idx" ON "deficiency_notices" USING btree ("service_code","issued_at");--> statement-breakpoint
CREATE INDEX "case_payments_case_idx" ON "case_payments" USING btree ("case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "case_payments_provider_reference_unique" ON "case_payments" USING btree ("provider","provider_reference");--> statement-breakpoint
CREATE UNIQUE INDEX "case_payments_receipt_unique" ON "case_payments" USING btree ("receipt_number");--> statement-breakpoint
CREATE UNIQUE INDEX "case_payments_one_paid" ON "case_payments" USING btree ("case_id") WHERE "case_payments"."state" = 'paid';--> statement-breakpoint
CREATE INDEX "payment_callbacks_reference_idx" ON "payment_callbacks" USING btree ("provider","provider_reference");--> statement-breakpoint
CREATE INDEX "satisfaction_answers_service_idx" ON "satisfaction_answers" USING btree ("service_code","answered_at");--> statement-breakpoint
CREATE INDEX "satisfaction_answers_unit_idx" ON "satisfaction_answers" USING btree ("unit_code","answered_at");--> statement-breakpoint
CREATE INDEX "case_attachments_deficiency_notice_idx" ON "case_attachments" USING btree ("deficiency_notice_id") WHERE "case_attachments"."deficiency_notice_id" is not null;--> statement-breakpoint
ALTER TABLE "case_attachments" ADD CONSTRAINT "case_attachments_purpose_known" CHECK ("case_attachments"."purpose" in ('document', 'supplement', 'issued'));--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_kind_known" CHECK ("case_events"."kind" in ('accept', 'start', 'request_supplement', 'supplement_received', 'close_unsupplemented', 'request_payment', 'payment_received', 'resolve', 'close', 'reopen', 'transfer', 'forward', 'reject', 'withdraw', 'merge', 'dispatch', 'mark_fixed', 'created', 'assigned', 'extension_requested', 'extension_approved', 'extension_refused', 'note'));--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_fee_not_negative" CHECK ("cases"."fee_amount_twd" >= 0);--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_state_known" CHECK ("cases"."state" in ('received', 'accepted', 'in_progress', 'awaiting_supplement', 'awaiting_payment', 'resolved', 'closed', 'forwarded', 'rejected', 'withdrawn', 'merged', 'dispatched', 'reopened', 'fixed'));