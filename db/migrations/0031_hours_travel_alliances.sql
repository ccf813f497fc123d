CREATE TABLE "county_alliances" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "county_alliances_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"county_a_id" bigint NOT NULL,
	"county_b_id" bigint NOT NULL,
	"proposer_county_id" bigint NOT NULL,
	"proposed_by" bigint,
	"proposed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"accepted_by" bigint,
	"accepted_at" timestamp with time zone,
	"ended_by" bigint,
	"ended_at" timestamp with time zone,
	CONSTRAINT "county_alliances_ordered" CHECK ("county_alliances"."county_a_id" < "county_alliances"."county_b_id"),
	CONSTRAINT "county_alliances_proposer_side" CHECK ("county_alliances"."proposer_county_id" IN ("county_alliances"."county_a_id", "county_alliances"."county_b_id"))
);
--> statement-breakpoint
CREATE TABLE "member_moves" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "member_moves_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"member_id" bigint NOT NULL,
	"from_site_id" bigint NOT NULL,
	"to_site_id" bigint NOT NULL,
	"started_by" bigint,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"accepted_by" bigint,
	"accepted_at" timestamp with time zone,
	"roles" text[],
	"cancelled_by" bigint,
	"cancelled_at" timestamp with time zone,
	CONSTRAINT "member_moves_other_site" CHECK ("member_moves"."from_site_id" <> "member_moves"."to_site_id"),
	CONSTRAINT "member_moves_one_end" CHECK ("member_moves"."accepted_at" IS NULL OR "member_moves"."cancelled_at" IS NULL)
);
--> statement-breakpoint
ALTER TABLE "county_alliances" ADD CONSTRAINT "county_alliances_county_a_id_regions_id_fk" FOREIGN KEY ("county_a_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "county_alliances" ADD CONSTRAINT "county_alliances_county_b_id_regions_id_fk" FOREIGN KEY ("county_b_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "county_alliances" ADD CONSTRAINT "county_alliances_proposer_county_id_regions_id_fk" FOREIGN KEY ("proposer_county_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "county_alliances" ADD CONSTRAINT "county_alliances_proposed_by_members_id_fk" FOREIGN KEY ("proposed_by") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "county_alliances" ADD CONSTRAINT "county_alliances_accepted_by_members_id_fk" FOREIGN KEY ("accepted_by") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "county_alliances" ADD CONSTRAINT "county_alliances_ended_by_members_id_fk" FOREIGN KEY ("ended_by") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_moves" ADD CONSTRAINT "member_moves_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_moves" ADD CONSTRAINT "member_moves_from_site_id_sites_id_fk" FOREIGN KEY ("from_site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_moves" ADD CONSTRAINT "member_moves_to_site_id_sites_id_fk" FOREIGN KEY ("to_site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_moves" ADD CONSTRAINT "member_moves_started_by_members_id_fk" FOREIGN KEY ("started_by") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_moves" ADD CONSTRAINT "member_moves_accepted_by_members_id_fk" FOREIGN KEY ("accepted_by") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_moves" ADD CONSTRAINT "member_moves_cancelled_by_members_id_fk" FOREIGN KEY ("cancelled_by") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "county_alliances_live_pair" ON "county_alliances" USING btree ("county_a_id","county_b_id") WHERE "county_alliances"."ended_at" IS NULL;--> statement-breakpoint
CREATE INDEX "county_alliances_b_idx" ON "county_alliances" USING btree ("county_b_id");--> statement-breakpoint
CREATE UNIQUE INDEX "member_moves_open" ON "member_moves" USING btree ("member_id") WHERE "member_moves"."accepted_at" IS NULL AND "member_moves"."cancelled_at" IS NULL;--> statement-breakpoint
CREATE INDEX "member_moves_to_idx" ON "member_moves" USING btree ("to_site_id");--> statement-breakpoint
CREATE INDEX "member_moves_from_idx" ON "member_moves" USING btree ("from_site_id");