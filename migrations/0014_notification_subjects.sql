ALTER TABLE "notification_deliveries" DROP CONSTRAINT "notification_deliveries_case_id_cases_id_fk";
--> statement-breakpoint
DROP INDEX "notification_deliveries_case_idx";--> statement-breakpoint
ALTER TABLE "notification_deliveries" ADD COLUMN "subject_type" text;--> statement-breakpoint
ALTER TABLE "notification_deliveries" ADD COLUMN "subject_id" text;--> statement-breakpoint
-- Deliveries about a case keep pointing at it, now as a subject; the others (management-control reminders) name none.
-- case_id stays, unused, for one release: processes of the previous release write it during a rolling upgrade.
UPDATE "notification_deliveries" SET "subject_type" = 'case', "subject_id" = "case_id"::text WHERE "case_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "notification_deliveries_subject_idx" ON "notification_deliveries" USING btree ("subject_type","subject_id","created_at") WHERE "notification_deliveries"."subject_type" is not null;--> statement-breakpoint
ALTER TABLE "notification_deliveries" ADD CONSTRAINT "notification_deliveries_subject_whole" CHECK (("notification_deliveries"."subject_type" is null) = ("notification_deliveries"."subject_id" is null));--> statement-breakpoint
-- While processes of the previous release still run (a rolling upgrade), what they write by case_id gets its subject too.
CREATE FUNCTION "notification_deliveries_subject_from_case"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.subject_type := 'case';
  NEW.subject_id := NEW.case_id::text;
  RETURN NEW;
END
$$;--> statement-breakpoint
CREATE TRIGGER "notification_deliveries_subject_from_case" BEFORE INSERT ON "notification_deliveries"
  FOR EACH ROW WHEN (NEW.case_id IS NOT NULL AND NEW.subject_type IS NULL)
  EXECUTE FUNCTION "notification_deliveries_subject_from_case"();
