CREATE TYPE "public"."region_level" AS ENUM('PROVINCE', 'CITY', 'COUNTY', 'TOWNSHIP', 'VILLAGE');--> statement-breakpoint
CREATE TABLE "regions" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "regions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"parent_id" bigint,
	"level" "region_level" NOT NULL,
	"name" text NOT NULL,
	"code" text,
	"path" text DEFAULT '' NOT NULL,
	CONSTRAINT "regions_code_unique" UNIQUE("code"),
	CONSTRAINT "regions_name_under_parent" UNIQUE NULLS NOT DISTINCT("parent_id","name"),
	CONSTRAINT "regions_name_not_blank" CHECK (length(btrim("regions"."name")) > 0),
	CONSTRAINT "regions_code_digits" CHECK ("regions"."code" IS NULL OR "regions"."code" ~ '^[0-9]{12}$')
);
--> statement-breakpoint
ALTER TABLE "sites" ADD COLUMN "region_id" bigint;--> statement-breakpoint
ALTER TABLE "regions" ADD CONSTRAINT "regions_parent_id_regions_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "regions_path_idx" ON "regions" USING btree ("path" text_pattern_ops);--> statement-breakpoint
ALTER TABLE "sites" ADD CONSTRAINT "sites_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sites_region_id_idx" ON "sites" USING btree ("region_id");