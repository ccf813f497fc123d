ALTER TYPE "public"."inbox_kind" ADD VALUE 'HOURS_OVERFLOW';--> statement-breakpoint
ALTER TYPE "public"."inbox_kind" ADD VALUE 'HOURS_EXPIRING';--> statement-breakpoint
ALTER TYPE "public"."inbox_kind" ADD VALUE 'HOURS_EXPIRED';--> statement-breakpoint
CREATE TABLE "hours_policies" (
	"region_id" bigint PRIMARY KEY NOT NULL,
	"cap_minutes" integer,
	"min_withdraw_age" integer,
	"expiry_months" integer,
	"category_weights" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"set_by" bigint,
	"set_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "hours_policies_cap" CHECK ("hours_policies"."cap_minutes" IS NULL OR "hours_policies"."cap_minutes" BETWEEN 60 AND 6000000),
	CONSTRAINT "hours_policies_age" CHECK ("hours_policies"."min_withdraw_age" IS NULL OR "hours_policies"."min_withdraw_age" BETWEEN 0 AND 120),
	CONSTRAINT "hours_policies_expiry" CHECK ("hours_policies"."expiry_months" IS NULL OR "hours_policies"."expiry_months" BETWEEN 0 AND 240)
);
--> statement-breakpoint
ALTER TABLE "hours_policies" ADD CONSTRAINT "hours_policies_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hours_policies" ADD CONSTRAINT "hours_policies_set_by_members_id_fk" FOREIGN KEY ("set_by") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;