-- Custom SQL migration file, put your code below! --
-- A published version of a plan is what the bureau issued on that day, and the change log says who
-- changed a published plan and why: rows of both can be inserted and read, never changed or removed.
CREATE OR REPLACE FUNCTION control_plans_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER control_plan_versions_refuse_update_delete
  BEFORE UPDATE OR DELETE ON control_plan_versions
  FOR EACH ROW EXECUTE FUNCTION control_plans_refuse_change();
--> statement-breakpoint
CREATE TRIGGER control_plan_versions_refuse_truncate
  BEFORE TRUNCATE ON control_plan_versions
  FOR EACH STATEMENT EXECUTE FUNCTION control_plans_refuse_change();
--> statement-breakpoint
CREATE TRIGGER control_plan_changes_refuse_update_delete
  BEFORE UPDATE OR DELETE ON control_plan_changes
  FOR EACH ROW EXECUTE FUNCTION control_plans_refuse_change();
--> statement-breakpoint
CREATE TRIGGER control_plan_changes_refuse_truncate
  BEFORE TRUNCATE ON control_plan_changes
  FOR EACH STATEMENT EXECUTE FUNCTION control_plans_refuse_change();
