-- The Open311 list of open reports of a category (issue 10): the open field reports' index on received_at
-- gains service_code as a second column, so the category is checked in the index instead of on each open
-- report of the window read from the table (open potholes on 1,000,000 reports: 955 rows read, not 8,856).
-- It replaces the one-column index: beside it the planner never chose the new one (docs/benchmarks.md,
-- seventeenth session).
DROP INDEX "cases_field_report_open_received_idx";--> statement-breakpoint
CREATE INDEX "cases_field_report_open_received_service_idx" ON "cases" USING btree ("received_at","service_code") WHERE "cases"."kind" = 'field_report' and "cases"."state" not in ('closed', 'forwarded', 'rejected', 'withdrawn', 'merged', 'fixed');