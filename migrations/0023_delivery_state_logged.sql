ALTER TABLE "notification_deliveries" DROP CONSTRAINT "notification_deliveries_state_known";--> statement-breakpoint
ALTER TABLE "notification_deliveries" ADD CONSTRAINT "notification_deliveries_state_known" CHECK ("notification_deliveries"."state" in ('queued', 'sent', 'failed', 'outbox', 'logged'));--> statement-breakpoint
-- Issue 14: every SMS so far went through the built-in sender, which only writes a log line; none was sent.
UPDATE "notification_deliveries" SET "state" = 'logged', "sent_at" = NULL WHERE "channel" = 'sms' AND "state" = 'sent';
