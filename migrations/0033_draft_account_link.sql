-- "Continue" on the citizen's account opens a draft with a link of its own, leaving the e-mailed resume link working.
ALTER TABLE "application_drafts" ADD COLUMN "account_token_hash" text;--> statement-breakpoint
CREATE UNIQUE INDEX "application_drafts_account_token_unique" ON "application_drafts" USING btree ("account_token_hash");