CREATE TABLE "notification_template_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"topic" text NOT NULL,
	"version" integer NOT NULL,
	"texts" jsonb,
	"note" text DEFAULT '' NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "notification_template_versions_version_positive" CHECK ("notification_template_versions"."version" >= 1)
);
--> statement-breakpoint
CREATE TABLE "staff_invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"token_hash" text NOT NULL,
	"email" text NOT NULL,
	"display_name" text NOT NULL,
	"role" text NOT NULL,
	"unit_code" text,
	"invited_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"accepted_at" timestamp with time zone,
	"accepted_staff_id" uuid,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "staff_invitations_role_known" CHECK ("staff_invitations"."role" in ('admin', 'secretariat', 'supervisor', 'handler', 'counter_clerk', 'web_editor', 'unit_editor', 'unit_head')),
	CONSTRAINT "staff_invitations_unit_for_unit_roles" CHECK ("staff_invitations"."role" not in ('supervisor', 'handler', 'unit_editor', 'unit_head') or "staff_invitations"."unit_code" is not null)
);
--> statement-breakpoint
CREATE TABLE "calendar_years" (
	"year" integer PRIMARY KEY NOT NULL,
	"days" jsonb NOT NULL,
	"source" text NOT NULL,
	"loaded_by" text NOT NULL,
	"loaded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "calendar_years_year_plausible" CHECK ("calendar_years"."year" between 1990 and 2200)
);
--> statement-breakpoint
ALTER TABLE "notification_deliveries" ADD COLUMN "template_version" integer;--> statement-breakpoint
ALTER TABLE "staff_invitations" ADD CONSTRAINT "staff_invitations_unit_code_units_code_fk" FOREIGN KEY ("unit_code") REFERENCES "public"."units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_invitations" ADD CONSTRAINT "staff_invitations_invited_by_staff_id_fk" FOREIGN KEY ("invited_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_invitations" ADD CONSTRAINT "staff_invitations_accepted_staff_id_staff_id_fk" FOREIGN KEY ("accepted_staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "notification_template_versions_topic_version_unique" ON "notification_template_versions" USING btree ("topic","version");--> statement-breakpoint
CREATE UNIQUE INDEX "staff_invitations_token_hash_unique" ON "staff_invitations" USING btree ("token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "staff_invitations_pending_email_unique" ON "staff_invitations" USING btree (lower("email")) WHERE "staff_invitations"."accepted_at" is null and "staff_invitations"."revoked_at" is null;