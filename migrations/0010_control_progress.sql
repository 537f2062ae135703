CREATE TABLE "control_progress_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"unit_code" text NOT NULL,
	"practice_id" uuid NOT NULL,
	"period" text NOT NULL,
	"due_date" date NOT NULL,
	"status" text NOT NULL,
	"narrative" text DEFAULT '' NOT NULL,
	"is_late" boolean NOT NULL,
	"entered_by_staff_id" uuid,
	"entered_by" text NOT NULL,
	"entered_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "control_progress_entries_one" UNIQUE("practice_id","unit_code","period"),
	CONSTRAINT "control_progress_entries_status" CHECK ("control_progress_entries"."status" in ('not_started', 'on_track', 'at_risk', 'done', 'not_done')),
	CONSTRAINT "control_progress_entries_period" CHECK ("control_progress_entries"."period" ~ '^[0-9]{4}-(0[1-9]|1[0-2]|Q[1-4])$')
);
--> statement-breakpoint
CREATE TABLE "control_progress_evidence" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"entry_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"url" text,
	"file_name" text,
	"media_type" text,
	"size_bytes" integer,
	"sha256" text,
	"content" "bytea",
	"added_at" timestamp with time zone NOT NULL,
	CONSTRAINT "control_progress_evidence_kind" CHECK (("control_progress_evidence"."kind" = 'link' and "control_progress_evidence"."url" is not null and "control_progress_evidence"."content" is null) or ("control_progress_evidence"."kind" = 'file' and "control_progress_evidence"."content" is not null and "control_progress_evidence"."file_name" is not null and "control_progress_evidence"."media_type" is not null))
);
--> statement-breakpoint
CREATE TABLE "control_progress_settings" (
	"plan_id" uuid PRIMARY KEY NOT NULL,
	"cadence" text DEFAULT 'monthly' NOT NULL,
	"due_day" integer DEFAULT 10 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" text NOT NULL,
	CONSTRAINT "control_progress_settings_cadence" CHECK ("control_progress_settings"."cadence" in ('monthly', 'quarterly')),
	CONSTRAINT "control_progress_settings_due_day" CHECK ("control_progress_settings"."due_day" between 1 and 28)
);
--> statement-breakpoint
CREATE TABLE "control_progress_values" (
	"entry_id" uuid NOT NULL,
	"target_id" uuid NOT NULL,
	"value" double precision NOT NULL,
	CONSTRAINT "control_progress_values_entry_id_target_id_pk" PRIMARY KEY("entry_id","target_id")
);
--> statement-breakpoint
ALTER TABLE "control_progress_entries" ADD CONSTRAINT "control_progress_entries_plan_id_control_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."control_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "control_progress_entries" ADD CONSTRAINT "control_progress_entries_unit_code_units_code_fk" FOREIGN KEY ("unit_code") REFERENCES "public"."units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "control_progress_entries" ADD CONSTRAINT "control_progress_entries_practice_id_control_plan_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."control_plan_practices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "control_progress_entries" ADD CONSTRAINT "control_progress_entries_entered_by_staff_id_staff_id_fk" FOREIGN KEY ("entered_by_staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "control_progress_evidence" ADD CONSTRAINT "control_progress_evidence_entry_id_control_progress_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."control_progress_entries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "control_progress_settings" ADD CONSTRAINT "control_progress_settings_plan_id_control_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."control_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "control_progress_values" ADD CONSTRAINT "control_progress_values_entry_id_control_progress_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."control_progress_entries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "control_progress_values" ADD CONSTRAINT "control_progress_values_target_id_control_work_plan_targets_id_fk" FOREIGN KEY ("target_id") REFERENCES "public"."control_work_plan_targets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "control_progress_entries_year_unit_period" ON "control_progress_entries" USING btree ("year","unit_code","period");--> statement-breakpoint
CREATE INDEX "control_progress_entries_practice" ON "control_progress_entries" USING btree ("practice_id");--> statement-breakpoint
CREATE INDEX "control_progress_evidence_entry" ON "control_progress_evidence" USING btree ("entry_id");--> statement-breakpoint
CREATE INDEX "control_progress_values_target" ON "control_progress_values" USING btree ("target_id");