-- Receipts for the points supermarket: each redemption gets the site's day and its place in that
-- day's sequence (printed as 20261125-007), and the member's points right after it.
ALTER TABLE "redemptions" ADD COLUMN "receipt_day" date;--> statement-breakpoint
ALTER TABLE "redemptions" ADD COLUMN "receipt_no" integer;--> statement-breakpoint
ALTER TABLE "redemptions" ADD COLUMN "balance_after" bigint;--> statement-breakpoint
-- Earlier redemptions: numbered in the order they were made, day by day in the site's time zone.
UPDATE "redemptions" r SET "receipt_day" = n.day, "receipt_no" = n.no
FROM (
  SELECT r2.id, (r2.created_at AT TIME ZONE s.time_zone)::date AS day,
         row_number() OVER (
           PARTITION BY r2.site_id, (r2.created_at AT TIME ZONE s.time_zone)::date ORDER BY r2.id
         ) AS no
  FROM "redemptions" r2 JOIN "sites" s ON s.id = r2.site_id
) n
WHERE n.id = r.id;--> statement-breakpoint
-- Their balance after: the member's points account summed up to and including the redemption's debit.
UPDATE "redemptions" r SET "balance_after" = b.balance
FROM (
  SELECT d.redemption_id, (
    SELECT coalesce(sum(CASE WHEN t.credit_account_id = d.debit_account_id THEN t.amount ELSE -t.amount END), 0)
    FROM "transfers" t
    WHERE (t.debit_account_id = d.debit_account_id OR t.credit_account_id = d.debit_account_id) AND t.id <= d.id
  ) AS balance
  FROM "transfers" d
  WHERE d.kind = 'REDEMPTION' AND d.redemption_id IS NOT NULL
) b
WHERE b.redemption_id = r.id;--> statement-breakpoint
ALTER TABLE "redemptions" ADD CONSTRAINT "redemptions_site_receipt" UNIQUE("site_id","receipt_day","receipt_no");--> statement-breakpoint
ALTER TABLE "redemptions" ADD CONSTRAINT "redemptions_receipt_shape" CHECK (("redemptions"."receipt_day" IS NULL) = ("redemptions"."receipt_no" IS NULL) AND ("redemptions"."receipt_no" IS NULL OR "redemptions"."receipt_no" > 0));
