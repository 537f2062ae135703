CREATE TABLE "control_check_revisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"check_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"revised_at" timestamp with time zone NOT NULL,
	"revised_by_id" uuid,
	"revised_by_name" text NOT NULL,
	"reason" text NOT NULL,
	"changes" jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "control_checks" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "control_checks" ADD COLUMN "updated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "control_checks" ADD COLUMN "updated_by_name" text;--> statement-breakpoint
ALTER TABLE "control_check_revisions" ADD CONSTRAINT "control_check_revisions_check_id_control_checks_id_fk" FOREIGN KEY ("check_id") REFERENCES "public"."control_checks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "control_check_revisions" ADD CONSTRAINT "control_check_revisions_revised_by_id_staff_id_fk" FOREIGN KEY ("revised_by_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "control_check_revisions_check" ON "control_check_revisions" USING btree ("check_id","version");--> statement-breakpoint
-- A correction says who changed a recorded check, when, why and what: rows are inserted and read, never
-- changed or removed (the function is the plans' one, migration 0005).
CREATE TRIGGER control_check_revisions_refuse_update_delete
  BEFORE UPDATE OR DELETE ON control_check_revisions
  FOR EACH ROW EXECUTE FUNCTION control_plans_refuse_change();
--> statement-breakpoint
CREATE TRIGGER control_check_revisions_refuse_truncate
  BEFORE TRUNCATE ON control_check_revisions
  FOR EACH STATEMENT EXECUTE FUNCTION control_plans_refuse_change();
