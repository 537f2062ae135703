CREATE TABLE "control_report_item_narratives" (
	"report_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"text" text NOT NULL,
	CONSTRAINT "control_report_item_narratives_report_id_item_id_pk" PRIMARY KEY("report_id","item_id")
);
--> statement-breakpoint
CREATE TABLE "control_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"year" integer NOT NULL,
	"unit_code" text,
	"state" text NOT NULL,
	"narrative" text DEFAULT '' NOT NULL,
	"due_date" date NOT NULL,
	"version" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" text NOT NULL,
	"issued_at" timestamp with time zone,
	"issued_by_staff_id" uuid,
	"issued_by" text,
	CONSTRAINT "control_reports_state_known" CHECK ("control_reports"."state" in ('draft', 'issued')),
	CONSTRAINT "control_reports_issued_complete" CHECK (("control_reports"."state" = 'issued') = ("control_reports"."issued_at" is not null))
);
--> statement-breakpoint
ALTER TABLE "control_report_item_narratives" ADD CONSTRAINT "control_report_item_narratives_report_id_control_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."control_reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "control_reports" ADD CONSTRAINT "control_reports_unit_code_units_code_fk" FOREIGN KEY ("unit_code") REFERENCES "public"."units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "control_reports" ADD CONSTRAINT "control_reports_issued_by_staff_id_staff_id_fk" FOREIGN KEY ("issued_by_staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "control_reports_year_subject" ON "control_reports" USING btree ("year",coalesce("unit_code", ''));