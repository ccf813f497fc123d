-- Custom migration: keeps site_months, site_month_volunteers and site_month_elders exact.
-- Every change to a claim, a need, a visit or a points transfer adjusts its site's month by the
-- difference it makes, in the same transaction. The triggers are deferred to the commit, so the
-- month's row is the last lock a transaction takes: a confirmation that holds the month cannot
-- then wait for an account a concurrent redemption holds (no deadlock between them).
-- The *_recomputed views compute the same figures from the rows themselves: the backfill below,
-- huzhu_rebuild_site_months() and `pnpm ledger:check` use them.

-- The first day of the calendar month of `at` in the site's time zone (fixed at creation).
CREATE FUNCTION huzhu_month_of(p_site bigint, p_at timestamptz) RETURNS date
LANGUAGE sql STABLE AS $$
  SELECT date_trunc('month', p_at AT TIME ZONE s.time_zone)::date FROM sites s WHERE s.id = p_site
$$;--> statement-breakpoint

CREATE FUNCTION huzhu_add_site_month(
  p_site bigint, p_month date, p_minutes bigint, p_posted integer, p_completed integer,
  p_issued bigint, p_redeemed bigint
) RETURNS void LANGUAGE sql AS $$
  INSERT INTO site_months AS m
    (site_id, month, service_minutes, needs_posted, needs_completed, points_issued, points_redeemed)
  VALUES (p_site, p_month, p_minutes, p_posted, p_completed, p_issued, p_redeemed)
  ON CONFLICT (site_id, month) DO UPDATE SET
    service_minutes = m.service_minutes + excluded.service_minutes,
    needs_posted = m.needs_posted + excluded.needs_posted,
    needs_completed = m.needs_completed + excluded.needs_completed,
    points_issued = m.points_issued + excluded.points_issued,
    points_redeemed = m.points_redeemed + excluded.points_redeemed
$$;--> statement-breakpoint

-- A distinct set kept as counts: the member is in the month's set while their count is above 0.
CREATE FUNCTION huzhu_add_month_volunteer(p_site bigint, p_month date, p_member bigint, p_delta integer)
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO site_month_volunteers AS v (site_id, month, volunteer_id, claims)
  VALUES (p_site, p_month, p_member, p_delta)
  ON CONFLICT (site_id, month, volunteer_id) DO UPDATE SET claims = v.claims + excluded.claims;
  IF p_delta < 0 THEN
    DELETE FROM site_month_volunteers
    WHERE site_id = p_site AND month = p_month AND volunteer_id = p_member AND claims <= 0;
  END IF;
END;
$$;--> statement-breakpoint

CREATE FUNCTION huzhu_add_month_elder(p_site bigint, p_month date, p_member bigint, p_delta integer)
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO site_month_elders AS e (site_id, month, elder_id, visits)
  VALUES (p_site, p_month, p_member, p_delta)
  ON CONFLICT (site_id, month, elder_id) DO UPDATE SET visits = e.visits + excluded.visits;
  IF p_delta < 0 THEN
    DELETE FROM site_month_elders
    WHERE site_id = p_site AND month = p_month AND elder_id = p_member AND visits <= 0;
  END IF;
END;
$$;--> statement-breakpoint

-- Confirmed service counts in the month it was confirmed (settled), at the need's site.
CREATE FUNCTION huzhu_site_months_claims() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  v_site bigint;
  v_month date;
BEGIN
  IF TG_OP <> 'INSERT' AND OLD.status = 'CONFIRMED' AND OLD.settled_at IS NOT NULL THEN
    SELECT site_id INTO v_site FROM needs WHERE id = OLD.need_id;
    v_month := huzhu_month_of(v_site, OLD.settled_at);
    PERFORM huzhu_add_site_month(v_site, v_month, -OLD.confirmed_minutes, 0, 0, 0, 0);
    PERFORM huzhu_add_month_volunteer(v_site, v_month, OLD.volunteer_id, -1);
  END IF;
  IF TG_OP <> 'DELETE' AND NEW.status = 'CONFIRMED' AND NEW.settled_at IS NOT NULL THEN
    SELECT site_id INTO v_site FROM needs WHERE id = NEW.need_id;
    v_month := huzhu_month_of(v_site, NEW.settled_at);
    PERFORM huzhu_add_site_month(v_site, v_month, NEW.confirmed_minutes, 0, 0, 0, 0);
    PERFORM huzhu_add_month_volunteer(v_site, v_month, NEW.volunteer_id, 1);
  END IF;
  RETURN NULL;
END;
$$;--> statement-breakpoint

-- A need is posted in the month it was created and completed in the month of completed_at.
CREATE FUNCTION huzhu_site_months_needs() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  v_same_post boolean := TG_OP = 'UPDATE'
    AND (OLD.site_id, OLD.created_at) IS NOT DISTINCT FROM (NEW.site_id, NEW.created_at);
BEGIN
  IF TG_OP <> 'INSERT' THEN
    IF NOT v_same_post THEN
      PERFORM huzhu_add_site_month(OLD.site_id, huzhu_month_of(OLD.site_id, OLD.created_at), 0, -1, 0, 0, 0);
    END IF;
    IF OLD.completed_at IS NOT NULL THEN
      PERFORM huzhu_add_site_month(OLD.site_id, huzhu_month_of(OLD.site_id, OLD.completed_at), 0, 0, -1, 0, 0);
    END IF;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    IF NOT v_same_post THEN
      PERFORM huzhu_add_site_month(NEW.site_id, huzhu_month_of(NEW.site_id, NEW.created_at), 0, 1, 0, 0, 0);
    END IF;
    IF NEW.completed_at IS NOT NULL THEN
      PERFORM huzhu_add_site_month(NEW.site_id, huzhu_month_of(NEW.site_id, NEW.completed_at), 0, 0, 1, 0, 0);
    END IF;
  END IF;
  RETURN NULL;
END;
$$;--> statement-breakpoint

-- A visit counts its elder for the site that recorded it, in the month of the visit.
CREATE FUNCTION huzhu_site_months_visits() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    PERFORM huzhu_add_month_elder(OLD.site_id, huzhu_month_of(OLD.site_id, OLD.visited_at), OLD.elder_id, -1);
  END IF;
  IF TG_OP <> 'DELETE' THEN
    PERFORM huzhu_add_month_elder(NEW.site_id, huzhu_month_of(NEW.site_id, NEW.visited_at), NEW.elder_id, 1);
  END IF;
  RETURN NULL;
END;
$$;--> statement-breakpoint

-- Points issued: service credits to members, less reversals of them. Points redeemed: what the
-- site's supermarket took in by redemption (or a reversed refund), less what it gave back by refund
-- (or a reversed redemption). Transfers are append-only, so only an insert changes them.
CREATE FUNCTION huzhu_site_months_transfers() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  c accounts%ROWTYPE;
  d accounts%ROWTYPE;
  v_issued bigint := 0;
  v_redeemed bigint := 0;
BEGIN
  SELECT * INTO c FROM accounts WHERE id = NEW.credit_account_id;
  SELECT * INTO d FROM accounts WHERE id = NEW.debit_account_id;
  IF NEW.kind = 'SERVICE_CREDIT' AND c.owner = 'MEMBER' THEN
    v_issued := NEW.amount;
  ELSIF NEW.kind = 'REVERSAL' AND d.owner = 'MEMBER'
    AND (SELECT o.kind FROM transfers o WHERE o.id = NEW.reverses_id) = 'SERVICE_CREDIT' THEN
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

-- WHEN clauses keep changes that cannot move a figure (a claim checking in, a need's title) from
-- queuing any work at all.
CREATE CONSTRAINT TRIGGER claims_site_months_insert AFTER INSERT ON claims
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (NEW.status = 'CONFIRMED')
  EXECUTE FUNCTION huzhu_site_months_claims();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER claims_site_months_update AFTER UPDATE ON claims
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN ((OLD.status = 'CONFIRMED' OR NEW.status = 'CONFIRMED')
    AND (OLD.status, OLD.confirmed_minutes, OLD.settled_at, OLD.volunteer_id, OLD.need_id)
      IS DISTINCT FROM (NEW.status, NEW.confirmed_minutes, NEW.settled_at, NEW.volunteer_id, NEW.need_id))
  EXECUTE FUNCTION huzhu_site_months_claims();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER claims_site_months_delete AFTER DELETE ON claims
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (OLD.status = 'CONFIRMED')
  EXECUTE FUNCTION huzhu_site_months_claims();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER needs_site_months_insert AFTER INSERT OR DELETE ON needs
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  EXECUTE FUNCTION huzhu_site_months_needs();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER needs_site_months_update AFTER UPDATE ON needs
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN ((OLD.site_id, OLD.created_at, OLD.completed_at) IS DISTINCT FROM (NEW.site_id, NEW.created_at, NEW.completed_at))
  EXECUTE FUNCTION huzhu_site_months_needs();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER visits_site_months_insert AFTER INSERT OR DELETE ON visits
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  EXECUTE FUNCTION huzhu_site_months_visits();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER visits_site_months_update AFTER UPDATE ON visits
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN ((OLD.site_id, OLD.elder_id, OLD.visited_at) IS DISTINCT FROM (NEW.site_id, NEW.elder_id, NEW.visited_at))
  EXECUTE FUNCTION huzhu_site_months_visits();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER transfers_site_months AFTER INSERT ON transfers
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN (NEW.unit = 'POINTS' AND NEW.site_id IS NOT NULL)
  EXECUTE FUNCTION huzhu_site_months_transfers();--> statement-breakpoint

-- The same figures computed from the rows: the definition the triggers must agree with.
-- One row per event, summed per site and month: a filter on site_id reaches every branch, so a
-- check of one site reads only that site's rows.
CREATE VIEW site_months_recomputed AS
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
  SELECT n.site_id, date_trunc('month', n.created_at AT TIME ZONE s.time_zone)::date, 0, 1, 0, 0, 0
  FROM needs n JOIN sites s ON s.id = n.site_id
  UNION ALL
  SELECT n.site_id, date_trunc('month', n.completed_at AT TIME ZONE s.time_zone)::date, 0, 0, 1, 0, 0
  FROM needs n JOIN sites s ON s.id = n.site_id
  WHERE n.completed_at IS NOT NULL
  UNION ALL
  SELECT t.site_id, date_trunc('month', t.created_at AT TIME ZONE s.time_zone)::date, 0, 0, 0,
    CASE
      WHEN t.kind = 'SERVICE_CREDIT' AND ca.owner = 'MEMBER' THEN t.amount
      WHEN t.kind = 'REVERSAL' AND da.owner = 'MEMBER' AND o.kind = 'SERVICE_CREDIT' THEN -t.amount
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
GROUP BY site_id, month;--> statement-breakpoint

CREATE VIEW site_month_volunteers_recomputed AS
SELECT n.site_id, date_trunc('month', c.settled_at AT TIME ZONE s.time_zone)::date AS month,
  c.volunteer_id, count(*)::int AS claims
FROM claims c JOIN needs n ON n.id = c.need_id JOIN sites s ON s.id = n.site_id
WHERE c.status = 'CONFIRMED' AND c.settled_at IS NOT NULL
GROUP BY 1, 2, 3;--> statement-breakpoint

CREATE VIEW site_month_elders_recomputed AS
SELECT v.site_id, date_trunc('month', v.visited_at AT TIME ZONE s.time_zone)::date AS month,
  v.elder_id, count(*)::int AS visits
FROM visits v JOIN sites s ON s.id = v.site_id
GROUP BY 1, 2, 3;--> statement-breakpoint

-- Sets the three tables from the rows: the backfill, and after a bulk load that ran without
-- triggers (the benchmark's generator).
CREATE FUNCTION huzhu_rebuild_site_months() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM site_months;
  DELETE FROM site_month_volunteers;
  DELETE FROM site_month_elders;
  INSERT INTO site_months SELECT * FROM site_months_recomputed;
  INSERT INTO site_month_volunteers SELECT * FROM site_month_volunteers_recomputed;
  INSERT INTO site_month_elders SELECT * FROM site_month_elders_recomputed;
END;
$$;--> statement-breakpoint

SELECT huzhu_rebuild_site_months();
