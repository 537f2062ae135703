CREATE TABLE "trusted_devices" (
	"device_hash" text NOT NULL,
	"subject" text NOT NULL,
	"granted_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL,
	CONSTRAINT "trusted_devices_device_hash_subject_pk" PRIMARY KEY("device_hash","subject")
);
--> statement-breakpoint
CREATE INDEX "trusted_devices_last_seen_at_idx" ON "trusted_devices" USING btree ("last_seen_at");