CREATE TABLE "control_check_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"check_id" uuid NOT NULL,
	"ordinal" integer NOT NULL,
	"description" text NOT NULL,
	"deadline" date NOT NULL,
	"unit_code" text NOT NULL,
	"closed_at" timestamp with time zone,
	"closed_by_id" uuid,
	"closed_by_name" text
);
--> statement-breakpoint
CREATE TABLE "control_check_follow_ups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"action_id" uuid NOT NULL,
	"entry_date" date NOT NULL,
	"note" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by_id" uuid,
	"created_by_name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "control_checks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"origin" text NOT NULL,
	"status" text NOT NULL,
	"check_date" date NOT NULL,
	"unit_code" text NOT NULL,
	"kind" text NOT NULL,
	"subject" text NOT NULL,
	"score" integer,
	"findings" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by_id" uuid,
	"created_by_name" text NOT NULL,
	"confirmed_at" timestamp with time zone,
	"confirmed_by_id" uuid,
	"confirmed_by_name" text,
	CONSTRAINT "control_checks_origin_known" CHECK ("control_checks"."origin" in ('spot_check', 'self_assessment')),
	CONSTRAINT "control_checks_status_known" CHECK ("control_checks"."status" in ('recorded', 'draft', 'confirmed')),
	CONSTRAINT "control_checks_kind_known" CHECK ("control_checks"."kind" in ('phone_courtesy', 'counter_visit', 'website', 'other')),
	CONSTRAINT "control_checks_score_range" CHECK ("control_checks"."score" is null or "control_checks"."score" between 0 and 100)
);
--> statement-breakpoint
ALTER TABLE "control_check_actions" ADD CONSTRAINT "control_check_actions_check_id_control_checks_id_fk" FOREIGN KEY ("check_id") REFERENCES "public"."control_checks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "control_check_actions" ADD CONSTRAINT "control_check_actions_unit_code_units_code_fk" FOREIGN KEY ("unit_code") REFERENCES "public"."units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "control_check_actions" ADD CONSTRAINT "control_check_actions_closed_by_id_staff_id_fk" FOREIGN KEY ("closed_by_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "control_check_follow_ups" ADD CONSTRAINT "control_check_follow_ups_action_id_control_check_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."control_check_actions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "control_check_follow_ups" ADD CONSTRAINT "control_check_follow_ups_created_by_id_staff_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "control_checks" ADD CONSTRAINT "control_checks_unit_code_units_code_fk" FOREIGN KEY ("unit_code") REFERENCES "public"."units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "control_checks" ADD CONSTRAINT "control_checks_created_by_id_staff_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "control_checks" ADD CONSTRAINT "control_checks_confirmed_by_id_staff_id_fk" FOREIGN KEY ("confirmed_by_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "control_check_actions_check" ON "control_check_actions" USING btree ("check_id","ordinal");--> statement-breakpoint
CREATE INDEX "control_check_actions_unit" ON "control_check_actions" USING btree ("unit_code");--> statement-breakpoint
CREATE INDEX "control_check_follow_ups_action" ON "control_check_follow_ups" USING btree ("action_id","created_at");--> statement-breakpoint
CREATE INDEX "control_checks_date" ON "control_checks" USING btree ("check_date");--> statement-breakpoint
CREATE INDEX "control_checks_unit_date" ON "control_checks" USING btree ("unit_code","check_date");