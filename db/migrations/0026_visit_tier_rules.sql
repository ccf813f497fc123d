CREATE TYPE "public"."major_event_kind" AS ENUM('FALL', 'HOSPITAL_DISCHARGE', 'BEREAVEMENT');--> statement-breakpoint
CREATE TYPE "public"."visit_frequency" AS ENUM('WEEKLY', 'MONTHLY', 'QUARTERLY');--> statement-breakpoint
CREATE TABLE "visit_frequency_raises" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "visit_frequency_raises_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"region_id" bigint NOT NULL,
	"from_day" date NOT NULL,
	"until_day" date NOT NULL,
	"reason" text NOT NULL,
	"tier_b" "visit_frequency" NOT NULL,
	"tier_c" "visit_frequency" NOT NULL,
	"set_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "visit_frequency_raises_days" CHECK ("visit_frequency_raises"."until_day" >= "visit_frequency_raises"."from_day"),
	CONSTRAINT "visit_frequency_raises_reason" CHECK (length(btrim("visit_frequency_raises"."reason")) > 0),
	CONSTRAINT "visit_frequency_raises_b" CHECK ("visit_frequency_raises"."tier_b" <> 'QUARTERLY')
);
--> statement-breakpoint
CREATE TABLE "visit_major_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "visit_major_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"elder_id" bigint NOT NULL,
	"site_id" bigint NOT NULL,
	"kind" "major_event_kind" NOT NULL,
	"happened_on" date NOT NULL,
	"note" text,
	"reported_by" bigint,
	"reported_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "visit_tier_rules" (
	"region_id" bigint PRIMARY KEY NOT NULL,
	"rules" jsonb NOT NULL,
	"set_by" bigint,
	"set_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "visit_tasks" DROP CONSTRAINT "visit_tasks_once";--> statement-breakpoint
DROP INDEX "members_due_visits_idx";--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "life_threatening_illness" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "dementia" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "minimum_living_allowance" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "visit_tier" "visit_tier";--> statement-breakpoint
ALTER TABLE "visit_tasks" ADD COLUMN "event_id" bigint;--> statement-breakpoint
ALTER TABLE "visit_frequency_raises" ADD CONSTRAINT "visit_frequency_raises_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_frequency_raises" ADD CONSTRAINT "visit_frequency_raises_set_by_members_id_fk" FOREIGN KEY ("set_by") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_major_events" ADD CONSTRAINT "visit_major_events_elder_id_members_id_fk" FOREIGN KEY ("elder_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_major_events" ADD CONSTRAINT "visit_major_events_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_major_events" ADD CONSTRAINT "visit_major_events_reported_by_members_id_fk" FOREIGN KEY ("reported_by") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_tier_rules" ADD CONSTRAINT "visit_tier_rules_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_tier_rules" ADD CONSTRAINT "visit_tier_rules_set_by_members_id_fk" FOREIGN KEY ("set_by") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "visit_frequency_raises_region_idx" ON "visit_frequency_raises" USING btree ("region_id","until_day");--> statement-breakpoint
CREATE INDEX "visit_major_events_elder_idx" ON "visit_major_events" USING btree ("elder_id","reported_at");--> statement-breakpoint
ALTER TABLE "visit_tasks" ADD CONSTRAINT "visit_tasks_event_id_visit_major_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."visit_major_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "visit_tasks_once" ON "visit_tasks" USING btree ("elder_id","period_start") WHERE "visit_tasks"."event_id" IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "visit_tasks_event_once" ON "visit_tasks" USING btree ("event_id");--> statement-breakpoint
CREATE INDEX "members_due_visits_idx" ON "members" USING btree ("site_id","id") WHERE "members"."visit_tier" IN ('A', 'B');