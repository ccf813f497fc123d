CREATE TYPE "public"."objection_status" AS ENUM('OPEN', 'UPHELD', 'REVERSED');--> statement-breakpoint
ALTER TYPE "public"."inbox_kind" ADD VALUE 'OBJECTION_UPHELD';--> statement-breakpoint
ALTER TYPE "public"."inbox_kind" ADD VALUE 'OBJECTION_REVERSED';--> statement-breakpoint
ALTER TYPE "public"."inbox_kind" ADD VALUE 'POINTS_EXPIRING';--> statement-breakpoint
ALTER TYPE "public"."inbox_kind" ADD VALUE 'POINTS_EXPIRED';--> statement-breakpoint
CREATE TABLE "objections" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "objections_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"site_id" bigint NOT NULL,
	"claim_id" bigint,
	"visit_id" bigint,
	"volunteer_id" bigint NOT NULL,
	"raised_by" bigint NOT NULL,
	"reason" text NOT NULL,
	"status" "objection_status" DEFAULT 'OPEN' NOT NULL,
	"raised_at" timestamp with time zone DEFAULT now() NOT NULL,
	"resolved_by" bigint,
	"resolved_at" timestamp with time zone,
	"resolution_note" text,
	"resolve_key" text,
	CONSTRAINT "objections_one_service" CHECK (("objections"."claim_id" IS NULL) <> ("objections"."visit_id" IS NULL)),
	CONSTRAINT "objections_reason_not_blank" CHECK (length(btrim("objections"."reason")) > 0),
	CONSTRAINT "objections_resolved_stamped" CHECK (("objections"."status" = 'OPEN') = ("objections"."resolved_at" IS NULL) AND ("objections"."status" = 'OPEN') = ("objections"."resolve_key" IS NULL))
);
--> statement-breakpoint
CREATE TABLE "points_seasons" (
	"site_id" bigint NOT NULL,
	"season_end" date NOT NULL,
	"warned_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expired_at" timestamp with time zone,
	CONSTRAINT "points_seasons_site_id_season_end_pk" PRIMARY KEY("site_id","season_end")
);
--> statement-breakpoint
ALTER TABLE "sites" ADD COLUMN "notice_days" integer DEFAULT 7 NOT NULL;--> statement-breakpoint
ALTER TABLE "sites" ADD COLUMN "points_season_end" text;--> statement-breakpoint
ALTER TABLE "objections" ADD CONSTRAINT "objections_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objections" ADD CONSTRAINT "objections_claim_id_claims_id_fk" FOREIGN KEY ("claim_id") REFERENCES "public"."claims"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objections" ADD CONSTRAINT "objections_visit_id_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."visits"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objections" ADD CONSTRAINT "objections_volunteer_id_members_id_fk" FOREIGN KEY ("volunteer_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objections" ADD CONSTRAINT "objections_raised_by_members_id_fk" FOREIGN KEY ("raised_by") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objections" ADD CONSTRAINT "objections_resolved_by_members_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "points_seasons" ADD CONSTRAINT "points_seasons_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "objections_open_claim_idx" ON "objections" USING btree ("claim_id") WHERE "objections"."status" = 'OPEN' AND "objections"."claim_id" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "objections_open_visit_idx" ON "objections" USING btree ("visit_id") WHERE "objections"."status" = 'OPEN' AND "objections"."visit_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "objections_site_idx" ON "objections" USING btree ("site_id","id");--> statement-breakpoint
ALTER TABLE "sites" ADD CONSTRAINT "sites_notice_days_range" CHECK ("sites"."notice_days" BETWEEN 1 AND 60);--> statement-breakpoint
ALTER TABLE "sites" ADD CONSTRAINT "sites_points_season_end_shape" CHECK ("sites"."points_season_end" IS NULL OR "sites"."points_season_end" ~ '^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$');