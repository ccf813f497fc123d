CREATE TABLE "join_requests" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "join_requests_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"site_id" bigint NOT NULL,
	"name" text NOT NULL,
	"phone" text NOT NULL,
	"password_hash" text,
	"categories" "service_category"[] DEFAULT '{}' NOT NULL,
	"status" text DEFAULT 'PENDING' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone,
	"decided_by" bigint,
	"decline_reason" text,
	"member_id" bigint,
	CONSTRAINT "join_requests_status" CHECK ("join_requests"."status" in ('PENDING', 'APPROVED', 'DECLINED')),
	CONSTRAINT "join_requests_phone_digits" CHECK ("join_requests"."phone" ~ '^1[3-9][0-9]{9}$'),
	CONSTRAINT "join_requests_name_not_blank" CHECK (length(btrim("join_requests"."name")) > 0),
	CONSTRAINT "join_requests_decided" CHECK (("join_requests"."status" = 'PENDING') = ("join_requests"."decided_at" IS NULL) AND ("join_requests"."status" <> 'APPROVED' OR "join_requests"."member_id" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "volunteer_offers" (
	"member_id" bigint NOT NULL,
	"site_id" bigint NOT NULL,
	"categories" "service_category"[] DEFAULT '{}' NOT NULL,
	"weekdays" smallint[] DEFAULT '{}' NOT NULL,
	"times" text[] DEFAULT '{}' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "volunteer_offers_member_id_site_id_pk" PRIMARY KEY("member_id","site_id"),
	CONSTRAINT "volunteer_offers_weekdays" CHECK ("volunteer_offers"."weekdays" <@ '{1,2,3,4,5,6,7}'::smallint[]),
	CONSTRAINT "volunteer_offers_times" CHECK ("volunteer_offers"."times" <@ '{MORNING,AFTERNOON,EVENING}'::text[])
);
--> statement-breakpoint
ALTER TABLE "join_requests" ADD CONSTRAINT "join_requests_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "join_requests" ADD CONSTRAINT "join_requests_decided_by_members_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "join_requests" ADD CONSTRAINT "join_requests_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_offers" ADD CONSTRAINT "volunteer_offers_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_offers" ADD CONSTRAINT "volunteer_offers_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "join_requests_pending_once" ON "join_requests" USING btree ("site_id","phone") WHERE "join_requests"."status" = 'PENDING';--> statement-breakpoint
CREATE INDEX "join_requests_site_idx" ON "join_requests" USING btree ("site_id","status","id");--> statement-breakpoint
CREATE INDEX "volunteer_offers_site_idx" ON "volunteer_offers" USING btree ("site_id");