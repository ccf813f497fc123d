ALTER TABLE "claims" ADD COLUMN "closed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "claims" ADD CONSTRAINT "claims_closed_only_rejected" CHECK ("claims"."closed_at" IS NULL OR "claims"."status" = 'REJECTED');--> statement-breakpoint
-- A cancelled need's rejected claims can no longer be reported again: closed when it was cancelled.
UPDATE "claims" c SET "closed_at" = n."cancelled_at"
FROM "needs" n
WHERE n."id" = c."need_id" AND n."status" = 'CANCELLED' AND c."status" = 'REJECTED' AND c."closed_at" IS NULL;--> statement-breakpoint
-- A need is completed only when some service on it was confirmed: one whose every claim was
-- rejected (or a no-show) waits, FILLED, for a volunteer to report again or the coordinator to
-- reopen it. Clearing completed_at takes it out of its month's kept figures (the deferred trigger).
UPDATE "needs" n SET "status" = 'FILLED', "completed_at" = NULL
WHERE n."status" = 'COMPLETED'
  AND NOT EXISTS (SELECT 1 FROM "claims" c WHERE c."need_id" = n."id" AND c."status" = 'CONFIRMED');
