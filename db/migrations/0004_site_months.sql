CREATE TABLE "site_month_elders" (
	"site_id" bigint NOT NULL,
	"month" date NOT NULL,
	"elder_id" bigint NOT NULL,
	"visits" integer NOT NULL,
	CONSTRAINT "site_month_elders_site_id_month_elder_id_pk" PRIMARY KEY("site_id","month","elder_id")
);
--> statement-breakpoint
CREATE TABLE "site_month_volunteers" (
	"site_id" bigint NOT NULL,
	"month" date NOT NULL,
	"volunteer_id" bigint NOT NULL,
	"claims" integer NOT NULL,
	CONSTRAINT "site_month_volunteers_site_id_month_volunteer_id_pk" PRIMARY KEY("site_id","month","volunteer_id")
);
--> statement-breakpoint
CREATE TABLE "site_months" (
	"site_id" bigint NOT NULL,
	"month" date NOT NULL,
	"service_minutes" bigint DEFAULT 0 NOT NULL,
	"needs_posted" integer DEFAULT 0 NOT NULL,
	"needs_completed" integer DEFAULT 0 NOT NULL,
	"points_issued" bigint DEFAULT 0 NOT NULL,
	"points_redeemed" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "site_months_site_id_month_pk" PRIMARY KEY("site_id","month")
);
--> statement-breakpoint
ALTER TABLE "site_month_elders" ADD CONSTRAINT "site_month_elders_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site_month_elders" ADD CONSTRAINT "site_month_elders_elder_id_members_id_fk" FOREIGN KEY ("elder_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site_month_volunteers" ADD CONSTRAINT "site_month_volunteers_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site_month_volunteers" ADD CONSTRAINT "site_month_volunteers_volunteer_id_members_id_fk" FOREIGN KEY ("volunteer_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site_months" ADD CONSTRAINT "site_months_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;