ALTER TABLE "memberships" DROP CONSTRAINT "memberships_once";--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "region_id" bigint;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "memberships_region_idx" ON "memberships" USING btree ("region_id","member_id") WHERE "memberships"."region_id" IS NOT NULL;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_once" UNIQUE NULLS NOT DISTINCT("member_id","site_id","role","region_id");--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_region_staff" CHECK ("memberships"."region_id" IS NULL OR ("memberships"."role" = 'ADMIN' AND "memberships"."site_id" IS NULL));--> statement-breakpoint
-- A region officer's viewer carries the ids of the sites under their region (read with the
-- member): a site added to a region or moved out of one changes what every such viewer may do, so
-- it is announced like a change of roles, to everyone ('*': a site names no member).
CREATE TRIGGER sites_region_changed AFTER INSERT OR DELETE OR UPDATE OF region_id ON sites
  FOR EACH STATEMENT EXECUTE FUNCTION huzhu_member_changed();
