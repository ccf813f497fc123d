ALTER TYPE "public"."transfer_kind" ADD VALUE 'VISIT_CREDIT';--> statement-breakpoint
ALTER TABLE "sites" ADD COLUMN "visits_bank_time" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "transfers" ADD COLUMN "visit_id" bigint;--> statement-breakpoint
ALTER TABLE "visits" ADD COLUMN "minutes" integer;--> statement-breakpoint
ALTER TABLE "visits" ADD COLUMN "banked" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "visits" ADD COLUMN "points_awarded" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "transfers" ADD CONSTRAINT "transfers_visit_id_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."visits"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "transfers_visit_idx" ON "transfers" USING btree ("visit_id");--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_minutes_bounded" CHECK ("visits"."minutes" IS NULL OR ("visits"."minutes" >= 1 AND "visits"."minutes" <= 480));--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_banked_shape" CHECK (("visits"."banked" AND "visits"."elder_found" AND "visits"."minutes" IS NOT NULL AND "visits"."visitor_id" IS NOT NULL)
       OR (NOT "visits"."banked" AND "visits"."points_awarded" = 0));--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_points_not_negative" CHECK ("visits"."points_awarded" >= 0);--> statement-breakpoint
-- Hand-written from here: the kept monthly figures count a banked visit as service.
-- 'VISIT_CREDIT' is compared as text where SQL is parsed now (views, trigger conditions): a
-- value added to an enum cannot be used in the transaction that adds it, and migrations run in
-- one transaction. plpgsql bodies are parsed when first run, after the commit.

-- A banked visit's minutes are service minutes of the month it was recorded (when it was
-- credited, as a confirmation counts in the month it settles); the elder counts as visited in the
-- month of the visit (when found), as before.
CREATE OR REPLACE FUNCTION huzhu_site_months_visits() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    IF OLD.elder_found THEN
      PERFORM huzhu_add_month_elder(OLD.site_id, huzhu_month_of(OLD.site_id, OLD.visited_at), OLD.elder_id, -1);
    END IF;
    IF OLD.banked THEN
      PERFORM huzhu_add_site_month(OLD.site_id, huzhu_month_of(OLD.site_id, OLD.created_at), -OLD.minutes, 0, 0, 0, 0);
    END IF;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    IF NEW.elder_found THEN
      PERFORM huzhu_add_month_elder(NEW.site_id, huzhu_month_of(NEW.site_id, NEW.visited_at), NEW.elder_id, 1);
    END IF;
    IF NEW.banked THEN
      PERFORM huzhu_add_site_month(NEW.site_id, huzhu_month_of(NEW.site_id, NEW.created_at), NEW.minutes, 0, 0, 0, 0);
    END IF;
  END IF;
  RETURN NULL;
END;
$$;--> statement-breakpoint
DROP TRIGGER visits_site_months_update ON visits;--> statement-breakpoint
CREATE CONSTRAINT TRIGGER visits_site_months_update AFTER UPDATE ON visits
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN ((OLD.site_id, OLD.elder_id, OLD.visited_at, OLD.elder_found, OLD.banked, OLD.minutes, OLD.created_at)
    IS DISTINCT FROM (NEW.site_id, NEW.elder_id, NEW.visited_at, NEW.elder_found, NEW.banked, NEW.minutes, NEW.created_at))
  EXECUTE FUNCTION huzhu_site_months_visits();--> statement-breakpoint

-- Points issued: service and visit credits to members, less reversals of them.
CREATE OR REPLACE FUNCTION huzhu_site_months_transfers() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  c accounts%ROWTYPE;
  d accounts%ROWTYPE;
  v_issued bigint := 0;
  v_redeemed bigint := 0;
BEGIN
  SELECT * INTO c FROM accounts WHERE id = NEW.credit_account_id;
  SELECT * INTO d FROM accounts WHERE id = NEW.debit_account_id;
  IF NEW.kind::text IN ('SERVICE_CREDIT', 'VISIT_CREDIT') AND c.owner = 'MEMBER' THEN
    v_issued := NEW.amount;
  ELSIF NEW.kind = 'REVERSAL' AND d.owner = 'MEMBER'
    AND (SELECT o.kind::text FROM transfers o WHERE o.id = NEW.reverses_id) IN ('SERVICE_CREDIT', 'VISIT_CREDIT') THEN
    v_issued := -NEW.amount;
  END IF;
  IF c.owner = 'SUPERMARKET' AND c.site_id = NEW.site_id AND NEW.kind IN ('REDEMPTION', 'REVERSAL') THEN
    v_redeemed := NEW.amount;
  ELSIF d.owner = 'SUPERMARKET' AND d.site_id = NEW.site_id AND NEW.kind IN ('REFUND', 'REVERSAL') THEN
    v_redeemed := -NEW.amount;
  END IF;
  IF v_issued <> 0 OR v_redeemed <> 0 THEN
    PERFORM huzhu_add_site_month(NEW.site_id, huzhu_month_of(NEW.site_id, NEW.created_at), 0, 0, 0, v_issued, v_redeemed);
  END IF;
  RETURN NULL;
END;
$$;--> statement-breakpoint

-- The recomputations the kept figures are checked against, with the same rules.
CREATE OR REPLACE VIEW site_months_recomputed AS
SELECT site_id, month,
  sum(minutes)::bigint AS service_minutes,
  sum(posted)::integer AS needs_posted,
  sum(completed)::integer AS needs_completed,
  sum(issued)::bigint AS points_issued,
  sum(redeemed)::bigint AS points_redeemed
FROM (
  SELECT n.site_id, date_trunc('month', c.settled_at AT TIME ZONE s.time_zone)::date AS month,
    c.confirmed_minutes::bigint AS minutes, 0 AS posted, 0 AS completed, 0::bigint AS issued, 0::bigint AS redeemed
  FROM claims c JOIN needs n ON n.id = c.need_id JOIN sites s ON s.id = n.site_id
  WHERE c.status = 'CONFIRMED' AND c.settled_at IS NOT NULL
  UNION ALL
  SELECT v.site_id, date_trunc('month', v.created_at AT TIME ZONE s.time_zone)::date,
    v.minutes::bigint, 0, 0, 0, 0
  FROM visits v JOIN sites s ON s.id = v.site_id
  WHERE v.banked
  UNION ALL
  SELECT n.site_id, date_trunc('month', n.created_at AT TIME ZONE s.time_zone)::date, 0, 1, 0, 0, 0
  FROM needs n JOIN sites s ON s.id = n.site_id
  UNION ALL
  SELECT n.site_id, date_trunc('month', n.completed_at AT TIME ZONE s.time_zone)::date, 0, 0, 1, 0, 0
  FROM needs n JOIN sites s ON s.id = n.site_id
  WHERE n.completed_at IS NOT NULL
  UNION ALL
  SELECT t.site_id, date_trunc('month', t.created_at AT TIME ZONE s.time_zone)::date, 0, 0, 0,
    CASE
      WHEN t.kind::text IN ('SERVICE_CREDIT', 'VISIT_CREDIT') AND ca.owner = 'MEMBER' THEN t.amount
      WHEN t.kind = 'REVERSAL' AND da.owner = 'MEMBER' AND o.kind::text IN ('SERVICE_CREDIT', 'VISIT_CREDIT') THEN -t.amount
      ELSE 0 END,
    CASE
      WHEN ca.owner = 'SUPERMARKET' AND ca.site_id = t.site_id AND t.kind IN ('REDEMPTION', 'REVERSAL') THEN t.amount
      WHEN da.owner = 'SUPERMARKET' AND da.site_id = t.site_id AND t.kind IN ('REFUND', 'REVERSAL') THEN -t.amount
      ELSE 0 END
  FROM transfers t
  JOIN sites s ON s.id = t.site_id
  JOIN accounts ca ON ca.id = t.credit_account_id
  JOIN accounts da ON da.id = t.debit_account_id
  LEFT JOIN transfers o ON o.id = t.reverses_id
  WHERE t.unit = 'POINTS'
) e
GROUP BY site_id, month;
