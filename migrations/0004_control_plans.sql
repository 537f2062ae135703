CREATE TABLE "control_plan_changes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"plan_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"changed_at" timestamp with time zone NOT NULL,
	"changed_by_staff_id" uuid,
	"changed_by" text NOT NULL,
	"reason" text NOT NULL,
	"action" text NOT NULL,
	"target" text NOT NULL,
	CONSTRAINT "control_plan_changes_reason" CHECK (length(btrim("control_plan_changes"."reason")) > 0)
);
--> statement-breakpoint
CREATE TABLE "control_plan_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"ordinal" integer NOT NULL,
	"label" text NOT NULL,
	"title" text NOT NULL,
	"table_title" text,
	"title_en" text,
	"sort_order" integer NOT NULL,
	"copied_from_id" uuid,
	"removed_at" timestamp with time zone,
	"removed_in_version" integer,
	CONSTRAINT "control_plan_items_ordinal_positive" CHECK ("control_plan_items"."ordinal" >= 1)
);
--> statement-breakpoint
CREATE TABLE "control_plan_practices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"strategy_id" uuid NOT NULL,
	"ordinal" integer NOT NULL,
	"label" text NOT NULL,
	"text" text NOT NULL,
	"parts" jsonb NOT NULL,
	"deadline_kind" text NOT NULL,
	"deadline_roc_year" integer,
	"deadline_month" integer,
	"every_unit" boolean NOT NULL,
	"unit_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"units_as_printed" text,
	"sort_order" integer NOT NULL,
	"copied_from_id" uuid,
	"removed_at" timestamp with time zone,
	"removed_in_version" integer,
	CONSTRAINT "control_plan_practices_ordinal_positive" CHECK ("control_plan_practices"."ordinal" >= 1),
	CONSTRAINT "control_plan_practices_deadline_kind" CHECK ("control_plan_practices"."deadline_kind" in ('month', 'daily', 'none')),
	CONSTRAINT "control_plan_practices_deadline_month" CHECK (("control_plan_practices"."deadline_kind" = 'month' and "control_plan_practices"."deadline_roc_year" >= 1 and "control_plan_practices"."deadline_month" between 1 and 12) or ("control_plan_practices"."deadline_kind" <> 'month' and "control_plan_practices"."deadline_roc_year" is null and "control_plan_practices"."deadline_month" is null)),
	CONSTRAINT "control_plan_practices_every_unit_alone" CHECK (not "control_plan_practices"."every_unit" or cardinality("control_plan_practices"."unit_codes") = 0)
);
--> statement-breakpoint
CREATE TABLE "control_plan_strategies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"ordinal" integer NOT NULL,
	"label" text NOT NULL,
	"text" text NOT NULL,
	"text_en" text,
	"practices_summary_en" text,
	"sort_order" integer NOT NULL,
	"copied_from_id" uuid,
	"removed_at" timestamp with time zone,
	"removed_in_version" integer,
	CONSTRAINT "control_plan_strategies_ordinal_positive" CHECK ("control_plan_strategies"."ordinal" >= 1)
);
--> statement-breakpoint
CREATE TABLE "control_plan_versions" (
	"plan_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"content" jsonb NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	"published_by_staff_id" uuid,
	"published_by" text NOT NULL,
	CONSTRAINT "control_plan_versions_plan_id_version_pk" PRIMARY KEY("plan_id","version"),
	CONSTRAINT "control_plan_versions_version_positive" CHECK ("control_plan_versions"."version" >= 1)
);
--> statement-breakpoint
CREATE TABLE "control_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"year" integer NOT NULL,
	"roc_year" integer NOT NULL,
	"status" text NOT NULL,
	"published_version" integer,
	"title" text NOT NULL,
	"title_en" text,
	"basis" jsonb NOT NULL,
	"goals" jsonb NOT NULL,
	"scope" text NOT NULL,
	"content_intro" text NOT NULL,
	"steps" jsonb NOT NULL,
	"control" jsonb NOT NULL,
	"closing" jsonb NOT NULL,
	"summary_en" jsonb,
	"work_plan_template" jsonb NOT NULL,
	"copied_from_year" integer,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" text NOT NULL,
	CONSTRAINT "control_plans_year_unique" UNIQUE("year"),
	CONSTRAINT "control_plans_year_range" CHECK ("control_plans"."year" between 1912 and 2200),
	CONSTRAINT "control_plans_roc_year" CHECK ("control_plans"."roc_year" = "control_plans"."year" - 1911),
	CONSTRAINT "control_plans_status_known" CHECK ("control_plans"."status" in ('draft', 'published')),
	CONSTRAINT "control_plans_published_version" CHECK (("control_plans"."status" = 'draft' and "control_plans"."published_version" is null) or ("control_plans"."status" = 'published' and "control_plans"."published_version" >= 1))
);
--> statement-breakpoint
ALTER TABLE "control_plan_changes" ADD CONSTRAINT "control_plan_changes_changed_by_staff_id_staff_id_fk" FOREIGN KEY ("changed_by_staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "control_plan_changes" ADD CONSTRAINT "control_plan_changes_plan_id_version_control_plan_versions_plan_id_version_fk" FOREIGN KEY ("plan_id","version") REFERENCES "public"."control_plan_versions"("plan_id","version") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "control_plan_items" ADD CONSTRAINT "control_plan_items_plan_id_control_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."control_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "control_plan_items" ADD CONSTRAINT "control_plan_items_copied_from_id_control_plan_items_id_fk" FOREIGN KEY ("copied_from_id") REFERENCES "public"."control_plan_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "control_plan_practices" ADD CONSTRAINT "control_plan_practices_plan_id_control_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."control_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "control_plan_practices" ADD CONSTRAINT "control_plan_practices_strategy_id_control_plan_strategies_id_fk" FOREIGN KEY ("strategy_id") REFERENCES "public"."control_plan_strategies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "control_plan_practices" ADD CONSTRAINT "control_plan_practices_copied_from_id_control_plan_practices_id_fk" FOREIGN KEY ("copied_from_id") REFERENCES "public"."control_plan_practices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "control_plan_strategies" ADD CONSTRAINT "control_plan_strategies_plan_id_control_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."control_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "control_plan_strategies" ADD CONSTRAINT "control_plan_strategies_item_id_control_plan_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."control_plan_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "control_plan_strategies" ADD CONSTRAINT "control_plan_strategies_copied_from_id_control_plan_strategies_id_fk" FOREIGN KEY ("copied_from_id") REFERENCES "public"."control_plan_strategies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "control_plan_versions" ADD CONSTRAINT "control_plan_versions_plan_id_control_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."control_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "control_plan_versions" ADD CONSTRAINT "control_plan_versions_published_by_staff_id_staff_id_fk" FOREIGN KEY ("published_by_staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "control_plan_changes_plan_idx" ON "control_plan_changes" USING btree ("plan_id","version");--> statement-breakpoint
CREATE INDEX "control_plan_items_plan_idx" ON "control_plan_items" USING btree ("plan_id");--> statement-breakpoint
CREATE INDEX "control_plan_practices_strategy_idx" ON "control_plan_practices" USING btree ("strategy_id");--> statement-breakpoint
CREATE INDEX "control_plan_practices_plan_idx" ON "control_plan_practices" USING btree ("plan_id");--> statement-breakpoint
CREATE INDEX "control_plan_practices_unit_codes_idx" ON "control_plan_practices" USING gin ("unit_codes");--> statement-breakpoint
CREATE INDEX "control_plan_strategies_item_idx" ON "control_plan_strategies" USING btree ("item_id");--> statement-breakpoint
CREATE INDEX "control_plan_strategies_plan_idx" ON "control_plan_strategies" USING btree ("plan_id");