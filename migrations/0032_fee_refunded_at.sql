-- A refund is its own fact: the case stays paid (fee_paid_at) and records when the fee was returned.
-- Before this, recording a refund cleared fee_paid_at, so a refunded case read as "fee owed".
ALTER TABLE "cases" ADD COLUMN "fee_refunded_at" timestamp with time zone;--> statement-breakpoint
UPDATE "cases" AS c
SET "fee_paid_at" = coalesce(c."fee_paid_at", p."paid_at", p."created_at"),
    "fee_refunded_at" = p."refunded_at"
FROM (
  SELECT DISTINCT ON ("case_id") "case_id", "paid_at", "created_at", "refunded_at"
  FROM "case_payments"
  WHERE "state" = 'refunded' AND "refunded_at" IS NOT NULL
  ORDER BY "case_id", "refunded_at" DESC
) AS p
WHERE p."case_id" = c."id" AND c."fee_refunded_at" IS NULL;
