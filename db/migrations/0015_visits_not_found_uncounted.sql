-- A visit where the elder was not found at home (elder_found = false) is kept but does not count
-- the elder as visited in the site's kept monthly figures, as visitCoverage does not count it.
CREATE OR REPLACE FUNCTION huzhu_site_months_visits() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' AND OLD.elder_found THEN
    PERFORM huzhu_add_month_elder(OLD.site_id, huzhu_month_of(OLD.site_id, OLD.visited_at), OLD.elder_id, -1);
  END IF;
  IF TG_OP <> 'DELETE' AND NEW.elder_found THEN
    PERFORM huzhu_add_month_elder(NEW.site_id, huzhu_month_of(NEW.site_id, NEW.visited_at), NEW.elder_id, 1);
  END IF;
  RETURN NULL;
END;
$$;--> statement-breakpoint
DROP TRIGGER visits_site_months_update ON visits;--> statement-breakpoint
CREATE CONSTRAINT TRIGGER visits_site_months_update AFTER UPDATE ON visits
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN ((OLD.site_id, OLD.elder_id, OLD.visited_at, OLD.elder_found) IS DISTINCT FROM (NEW.site_id, NEW.elder_id, NEW.visited_at, NEW.elder_found))
  EXECUTE FUNCTION huzhu_site_months_visits();
