CREATE TYPE "public"."referral_kind" AS ENUM('MEDICAL', 'BENEFITS', 'HOUSING', 'SAFETY', 'FAMILY', 'OTHER');--> statement-breakpoint
CREATE TYPE "public"."referral_status" AS ENUM('REFERRED', 'ACCEPTED', 'RESOLVED', 'DECLINED');--> statement-breakpoint
ALTER TYPE "public"."inbox_kind" ADD VALUE 'REFERRAL_UPDATED';--> statement-breakpoint
CREATE TABLE "referral_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "referral_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"referral_id" bigint NOT NULL,
	"status" "referral_status" NOT NULL,
	"note" text,
	"actor_id" bigint,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "referrals" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "referrals_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"visit_id" bigint NOT NULL,
	"elder_id" bigint NOT NULL,
	"site_id" bigint NOT NULL,
	"region_id" bigint,
	"kind" "referral_kind" NOT NULL,
	"ask" text NOT NULL,
	"status" "referral_status" DEFAULT 'REFERRED' NOT NULL,
	"referred_at" timestamp with time zone DEFAULT now() NOT NULL,
	"referred_by" bigint,
	"accepted_at" timestamp with time zone,
	"accepted_by" bigint,
	"resolved_at" timestamp with time zone,
	"resolved_by" bigint,
	"declined_at" timestamp with time zone,
	"declined_by" bigint,
	"decline_reason" text,
	"idempotency_key" text,
	"request_hash" text,
	CONSTRAINT "referrals_visit_id_unique" UNIQUE("visit_id"),
	CONSTRAINT "referrals_idempotency_key_unique" UNIQUE("idempotency_key"),
	CONSTRAINT "referrals_key_with_hash" CHECK (("referrals"."idempotency_key" IS NULL) = ("referrals"."request_hash" IS NULL)),
	CONSTRAINT "referrals_ask_not_blank" CHECK (length(btrim("referrals"."ask")) > 0),
	CONSTRAINT "referrals_declined_with_reason" CHECK (("referrals"."status" = 'DECLINED') = ("referrals"."decline_reason" IS NOT NULL)),
	CONSTRAINT "referrals_accepted_stamped" CHECK ("referrals"."status" <> 'ACCEPTED' OR "referrals"."accepted_at" IS NOT NULL),
	CONSTRAINT "referrals_resolved_stamped" CHECK ("referrals"."status" <> 'RESOLVED' OR "referrals"."resolved_at" IS NOT NULL),
	CONSTRAINT "referrals_declined_stamped" CHECK ("referrals"."status" <> 'DECLINED' OR "referrals"."declined_at" IS NOT NULL)
);
--> statement-breakpoint
ALTER TABLE "visits" ADD COLUMN "follow_up_need_id" bigint;--> statement-breakpoint
ALTER TABLE "referral_events" ADD CONSTRAINT "referral_events_referral_id_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."referrals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_events" ADD CONSTRAINT "referral_events_actor_id_members_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_visit_id_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."visits"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_elder_id_members_id_fk" FOREIGN KEY ("elder_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_referred_by_members_id_fk" FOREIGN KEY ("referred_by") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_accepted_by_members_id_fk" FOREIGN KEY ("accepted_by") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_resolved_by_members_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_declined_by_members_id_fk" FOREIGN KEY ("declined_by") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "referral_events_referral_idx" ON "referral_events" USING btree ("referral_id","id");--> statement-breakpoint
CREATE INDEX "referrals_site_idx" ON "referrals" USING btree ("site_id","id");--> statement-breakpoint
CREATE INDEX "referrals_region_idx" ON "referrals" USING btree ("region_id","id");--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_follow_up_need_id_needs_id_fk" FOREIGN KEY ("follow_up_need_id") REFERENCES "public"."needs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_follow_up_need_only_if_closed" CHECK ("visits"."follow_up_need_id" IS NULL OR "visits"."follow_up_closed_at" IS NOT NULL);--> statement-breakpoint
-- A referral's history is append-only, as the ledger is (huzhu_refuse_change from 0001).
CREATE TRIGGER referral_events_append_only BEFORE UPDATE OR DELETE ON referral_events
  FOR EACH ROW EXECUTE FUNCTION huzhu_refuse_change();
