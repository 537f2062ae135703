CREATE TABLE "control_work_plan_comments" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"work_plan_id" uuid NOT NULL,
	"row_id" uuid,
	"row_label" text,
	"stage" text NOT NULL,
	"about_version" integer NOT NULL,
	"author_staff_id" uuid,
	"author" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"text" text NOT NULL,
	CONSTRAINT "control_work_plan_comments_stage" CHECK ("control_work_plan_comments"."stage" in ('head', 'secretariat')),
	CONSTRAINT "control_work_plan_comments_text" CHECK (length(btrim("control_work_plan_comments"."text")) > 0)
);
--> statement-breakpoint
CREATE TABLE "control_work_plan_rows" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"work_plan_id" uuid NOT NULL,
	"sort_order" integer NOT NULL,
	"item_text" text NOT NULL,
	"focus_text" text NOT NULL,
	"method_text" text NOT NULL,
	"remarks" text DEFAULT '' NOT NULL,
	"practice_ids" uuid[] NOT NULL,
	CONSTRAINT "control_work_plan_rows_practices" CHECK (cardinality("control_work_plan_rows"."practice_ids") >= 1)
);
--> statement-breakpoint
CREATE TABLE "control_work_plan_targets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"row_id" uuid NOT NULL,
	"sort_order" integer NOT NULL,
	"indicator" text NOT NULL,
	"unit_of_measure" text NOT NULL,
	"baseline" double precision NOT NULL,
	"target" double precision NOT NULL,
	"measurement" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "control_work_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"unit_code" text NOT NULL,
	"state" text NOT NULL,
	"version" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by_staff_id" uuid,
	"updated_by" text NOT NULL,
	"submitted_at" timestamp with time zone,
	"approved_at" timestamp with time zone,
	"accepted_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	CONSTRAINT "control_work_plans_unit_year" UNIQUE("year","unit_code"),
	CONSTRAINT "control_work_plans_state_known" CHECK ("control_work_plans"."state" in ('draft', 'submitted', 'approved_by_head', 'returned', 'accepted', 'published')),
	CONSTRAINT "control_work_plans_version_positive" CHECK ("control_work_plans"."version" >= 1)
);
--> statement-breakpoint
ALTER TABLE "control_work_plan_comments" ADD CONSTRAINT "control_work_plan_comments_work_plan_id_control_work_plans_id_fk" FOREIGN KEY ("work_plan_id") REFERENCES "public"."control_work_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "control_work_plan_comments" ADD CONSTRAINT "control_work_plan_comments_author_staff_id_staff_id_fk" FOREIGN KEY ("author_staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "control_work_plan_rows" ADD CONSTRAINT "control_work_plan_rows_work_plan_id_control_work_plans_id_fk" FOREIGN KEY ("work_plan_id") REFERENCES "public"."control_work_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "control_work_plan_targets" ADD CONSTRAINT "control_work_plan_targets_row_id_control_work_plan_rows_id_fk" FOREIGN KEY ("row_id") REFERENCES "public"."control_work_plan_rows"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "control_work_plans" ADD CONSTRAINT "control_work_plans_plan_id_control_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."control_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "control_work_plans" ADD CONSTRAINT "control_work_plans_unit_code_units_code_fk" FOREIGN KEY ("unit_code") REFERENCES "public"."units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "control_work_plans" ADD CONSTRAINT "control_work_plans_updated_by_staff_id_staff_id_fk" FOREIGN KEY ("updated_by_staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "control_work_plan_comments_plan_idx" ON "control_work_plan_comments" USING btree ("work_plan_id");--> statement-breakpoint
CREATE INDEX "control_work_plan_rows_plan_idx" ON "control_work_plan_rows" USING btree ("work_plan_id","sort_order");--> statement-breakpoint
CREATE INDEX "control_work_plan_targets_row_idx" ON "control_work_plan_targets" USING btree ("row_id","sort_order");--> statement-breakpoint
CREATE INDEX "control_work_plans_plan_idx" ON "control_work_plans" USING btree ("plan_id");