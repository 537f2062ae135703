CREATE TABLE "case_confidential_contacts" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"email" text,
	"phone" text
);
--> statement-breakpoint
ALTER TABLE "case_confidential_contacts" ADD CONSTRAINT "case_confidential_contacts_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;