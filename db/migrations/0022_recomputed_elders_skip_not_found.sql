-- The recomputation the ledger check compares the kept figures with must count visits as the
-- trigger does since 0015: a visit where the elder was not found at home does not count the
-- elder as visited. Until now any site with such a visit failed monthly-figures-kept.
CREATE OR REPLACE VIEW site_month_elders_recomputed AS
SELECT v.site_id, date_trunc('month', v.visited_at AT TIME ZONE s.time_zone)::date AS month,
  v.elder_id, count(*)::int AS visits
FROM visits v JOIN sites s ON s.id = v.site_id
WHERE v.elder_found
GROUP BY 1, 2, 3;
