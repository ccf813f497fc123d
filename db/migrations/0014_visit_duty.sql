CREATE TYPE "public"."visit_mode" AS ENUM('HOME', 'PHONE', 'VIDEO', 'OTHER');--> statement-breakpoint
CREATE TYPE "public"."visit_task_status" AS ENUM('OPEN', 'DONE', 'MISSED');--> statement-breakpoint
CREATE TYPE "public"."visit_tier" AS ENUM('A', 'B', 'C');--> statement-breakpoint
CREATE TABLE "visit_pairs" (
	"elder_id" bigint PRIMARY KEY NOT NULL,
	"site_id" bigint NOT NULL,
	"visitor_id" bigint NOT NULL,
	"backup_id" bigint,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "visit_pairs_not_self" CHECK ("visit_pairs"."visitor_id" <> "visit_pairs"."elder_id" AND "visit_pairs"."backup_id" IS DISTINCT FROM "visit_pairs"."elder_id"),
	CONSTRAINT "visit_pairs_backup_differs" CHECK ("visit_pairs"."backup_id" IS DISTINCT FROM "visit_pairs"."visitor_id")
);
--> statement-breakpoint
CREATE TABLE "visit_tasks" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "visit_tasks_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"site_id" bigint NOT NULL,
	"elder_id" bigint NOT NULL,
	"tier" "visit_tier" NOT NULL,
	"period_start" date NOT NULL,
	"due_by" date NOT NULL,
	"visitor_id" bigint,
	"status" "visit_task_status" DEFAULT 'OPEN' NOT NULL,
	"visit_id" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	CONSTRAINT "visit_tasks_once" UNIQUE("elder_id","period_start"),
	CONSTRAINT "visit_tasks_period" CHECK ("visit_tasks"."due_by" >= "visit_tasks"."period_start"),
	CONSTRAINT "visit_tasks_done_has_visit" CHECK (("visit_tasks"."status" = 'DONE') = ("visit_tasks"."visit_id" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "visit_tier_overrides" (
	"elder_id" bigint PRIMARY KEY NOT NULL,
	"tier" "visit_tier" NOT NULL,
	"reason" text NOT NULL,
	"until" date NOT NULL,
	"set_by" bigint,
	"set_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "visit_tier_overrides_reason" CHECK (length(btrim("visit_tier_overrides"."reason")) > 0)
);
--> statement-breakpoint
ALTER TABLE "visits" ADD COLUMN "mode" "visit_mode" DEFAULT 'HOME' NOT NULL;--> statement-breakpoint
ALTER TABLE "visits" ADD COLUMN "elder_found" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "visits" ADD COLUMN "checks" jsonb;--> statement-breakpoint
ALTER TABLE "visit_pairs" ADD CONSTRAINT "visit_pairs_elder_id_members_id_fk" FOREIGN KEY ("elder_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_pairs" ADD CONSTRAINT "visit_pairs_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_pairs" ADD CONSTRAINT "visit_pairs_visitor_id_members_id_fk" FOREIGN KEY ("visitor_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_pairs" ADD CONSTRAINT "visit_pairs_backup_id_members_id_fk" FOREIGN KEY ("backup_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_tasks" ADD CONSTRAINT "visit_tasks_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_tasks" ADD CONSTRAINT "visit_tasks_elder_id_members_id_fk" FOREIGN KEY ("elder_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_tasks" ADD CONSTRAINT "visit_tasks_visitor_id_members_id_fk" FOREIGN KEY ("visitor_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_tasks" ADD CONSTRAINT "visit_tasks_visit_id_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."visits"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_tier_overrides" ADD CONSTRAINT "visit_tier_overrides_elder_id_members_id_fk" FOREIGN KEY ("elder_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_tier_overrides" ADD CONSTRAINT "visit_tier_overrides_set_by_members_id_fk" FOREIGN KEY ("set_by") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "visit_pairs_site_idx" ON "visit_pairs" USING btree ("site_id");--> statement-breakpoint
CREATE INDEX "visit_pairs_visitor_idx" ON "visit_pairs" USING btree ("visitor_id");--> statement-breakpoint
CREATE INDEX "visit_tasks_site_due_idx" ON "visit_tasks" USING btree ("site_id","due_by");--> statement-breakpoint
CREATE INDEX "visit_tasks_visitor_open_idx" ON "visit_tasks" USING btree ("visitor_id","due_by") WHERE "visit_tasks"."status" = 'OPEN';--> statement-breakpoint
CREATE INDEX "visit_tasks_open_due_idx" ON "visit_tasks" USING btree ("due_by") WHERE "visit_tasks"."status" = 'OPEN';