CREATE TABLE "need_series" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "need_series_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"site_id" bigint NOT NULL,
	"beneficiary_id" bigint NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"category" "service_category" NOT NULL,
	"estimated_minutes" integer NOT NULL,
	"slots" integer DEFAULT 1 NOT NULL,
	"payer" "payer" DEFAULT 'SITE' NOT NULL,
	"weekdays" integer[] DEFAULT '{}'::integer[] NOT NULL,
	"month_days" integer[] DEFAULT '{}'::integer[] NOT NULL,
	"time_of_day" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"occurrence_count" integer,
	"split_from" bigint,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "need_series_title_not_blank" CHECK (length(btrim("need_series"."title")) > 0),
	CONSTRAINT "need_series_minutes_range" CHECK ("need_series"."estimated_minutes" BETWEEN 1 AND 1440),
	CONSTRAINT "need_series_slots_range" CHECK ("need_series"."slots" BETWEEN 1 AND 50),
	CONSTRAINT "need_series_time_of_day" CHECK ("need_series"."time_of_day" ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
	CONSTRAINT "need_series_has_days" CHECK (cardinality("need_series"."weekdays") > 0 OR cardinality("need_series"."month_days") > 0),
	CONSTRAINT "need_series_count_range" CHECK ("need_series"."occurrence_count" IS NULL OR "need_series"."occurrence_count" BETWEEN 1 AND 1000)
);
--> statement-breakpoint
ALTER TABLE "needs" ADD COLUMN "series_id" bigint;--> statement-breakpoint
ALTER TABLE "needs" ADD COLUMN "series_day" date;--> statement-breakpoint
ALTER TABLE "need_series" ADD CONSTRAINT "need_series_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_series" ADD CONSTRAINT "need_series_beneficiary_id_members_id_fk" FOREIGN KEY ("beneficiary_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_series" ADD CONSTRAINT "need_series_created_by_members_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "need_series_site_idx" ON "need_series" USING btree ("site_id");--> statement-breakpoint
ALTER TABLE "needs" ADD CONSTRAINT "needs_series_id_need_series_id_fk" FOREIGN KEY ("series_id") REFERENCES "public"."need_series"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "needs_series_day_idx" ON "needs" USING btree ("series_id","series_day");--> statement-breakpoint
ALTER TABLE "needs" ADD CONSTRAINT "needs_series_with_day" CHECK (("needs"."series_id" IS NULL) = ("needs"."series_day" IS NULL));