CREATE INDEX "case_attachments_sha256_idx" ON "case_attachments" USING btree ("sha256");--> statement-breakpoint
CREATE INDEX "control_check_evidence_sha256" ON "control_check_evidence" USING btree ("sha256");--> statement-breakpoint
CREATE INDEX "control_progress_evidence_sha256" ON "control_progress_evidence" USING btree ("sha256");--> statement-breakpoint
CREATE INDEX "report_photos_original_sha256_idx" ON "report_photos" USING btree ("original_sha256");--> statement-breakpoint
CREATE INDEX "report_photos_public_sha256_idx" ON "report_photos" USING btree ("public_sha256");--> statement-breakpoint
CREATE INDEX "report_photos_thumb_sha256_idx" ON "report_photos" USING btree ("thumb_sha256");