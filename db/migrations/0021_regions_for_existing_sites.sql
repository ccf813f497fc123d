-- Sites written before regions were rows get theirs from their county/township/village names,
-- level by level (a county alone, a township under its county, a village under its township or,
-- without one, under its county),
-- each row's id path kept as the rows under a region are found by. Touches only sites without a
-- region and rows whose path is not yet written, so running it again changes nothing.
INSERT INTO regions (parent_id, level, name)
  SELECT DISTINCT NULL::bigint, 'COUNTY'::region_level, s.county FROM sites s WHERE s.region_id IS NULL
  ON CONFLICT DO NOTHING;--> statement-breakpoint
UPDATE regions SET path = '/' || id || '/' WHERE parent_id IS NULL AND path = '';--> statement-breakpoint
INSERT INTO regions (parent_id, level, name)
  SELECT DISTINCT c.id, 'TOWNSHIP'::region_level, s.township FROM sites s
  JOIN regions c ON c.parent_id IS NULL AND c.name = s.county
  WHERE s.region_id IS NULL AND s.township <> ''
  ON CONFLICT DO NOTHING;--> statement-breakpoint
UPDATE regions r SET path = p.path || r.id || '/' FROM regions p
  WHERE r.parent_id = p.id AND r.path = '' AND p.path <> '';--> statement-breakpoint
INSERT INTO regions (parent_id, level, name)
  SELECT DISTINCT t.id, 'VILLAGE'::region_level, s.village FROM sites s
  JOIN regions c ON c.parent_id IS NULL AND c.name = s.county
  JOIN regions t ON t.parent_id = c.id AND t.name = s.township
  WHERE s.region_id IS NULL AND s.village <> ''
  ON CONFLICT DO NOTHING;--> statement-breakpoint
INSERT INTO regions (parent_id, level, name)
  SELECT DISTINCT c.id, 'VILLAGE'::region_level, s.village FROM sites s
  JOIN regions c ON c.parent_id IS NULL AND c.name = s.county
  WHERE s.region_id IS NULL AND s.township = '' AND s.village <> ''
  ON CONFLICT DO NOTHING;--> statement-breakpoint
UPDATE regions r SET path = p.path || r.id || '/' FROM regions p
  WHERE r.parent_id = p.id AND r.path = '' AND p.path <> '';--> statement-breakpoint
UPDATE sites s SET region_id = COALESCE(
  (SELECT v.id FROM regions c
     JOIN regions t ON t.parent_id = c.id AND t.name = s.township
     JOIN regions v ON v.parent_id = t.id AND v.name = s.village
   WHERE c.parent_id IS NULL AND c.name = s.county),
  (SELECT v.id FROM regions c JOIN regions v ON v.parent_id = c.id AND v.name = s.village
   WHERE c.parent_id IS NULL AND c.name = s.county AND s.township = '' AND s.village <> ''),
  (SELECT t.id FROM regions c JOIN regions t ON t.parent_id = c.id AND t.name = s.township
   WHERE c.parent_id IS NULL AND c.name = s.county),
  (SELECT c.id FROM regions c WHERE c.parent_id IS NULL AND c.name = s.county))
WHERE s.region_id IS NULL;
