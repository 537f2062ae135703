ALTER TABLE "staff" DROP CONSTRAINT "staff_role_known";--> statement-breakpoint
ALTER TABLE "staff" DROP CONSTRAINT "staff_unit_for_unit_roles";--> statement-breakpoint
ALTER TABLE "staff" ADD CONSTRAINT "staff_role_known" CHECK ("staff"."role" in ('admin', 'secretariat', 'supervisor', 'handler', 'counter_clerk', 'web_editor', 'unit_editor', 'unit_head'));--> statement-breakpoint
ALTER TABLE "staff" ADD CONSTRAINT "staff_unit_for_unit_roles" CHECK ("staff"."role" not in ('supervisor', 'handler', 'unit_editor', 'unit_head') or "staff"."unit_code" is not null);