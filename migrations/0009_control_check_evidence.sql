CREATE TABLE "control_check_evidence" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"follow_up_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"media_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "control_check_evidence" ADD CONSTRAINT "control_check_evidence_follow_up_id_control_check_follow_ups_id_fk" FOREIGN KEY ("follow_up_id") REFERENCES "public"."control_check_follow_ups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "control_check_evidence_follow_up" ON "control_check_evidence" USING btree ("follow_up_id");