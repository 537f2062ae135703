CREATE TABLE "citizen_sessions" (
	"id_hash" text PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "citizen_sign_in_links" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"lang" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	CONSTRAINT "citizen_sign_in_links_lang_known" CHECK ("citizen_sign_in_links"."lang" in ('zh-TW', 'en'))
);
--> statement-breakpoint
CREATE INDEX "citizen_sessions_email_idx" ON "citizen_sessions" USING btree ("email");--> statement-breakpoint
CREATE INDEX "citizen_sessions_expires_idx" ON "citizen_sessions" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "citizen_sign_in_links_expires_idx" ON "citizen_sign_in_links" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "cases_applicant_email_idx" ON "cases" USING btree (lower("applicant_email"));