CREATE TYPE "public"."account_owner" AS ENUM('MEMBER', 'SITE_POOL', 'SUPERMARKET');--> statement-breakpoint
CREATE TYPE "public"."care_category" AS ENUM('LIVING_ALONE', 'EMPTY_NEST', 'LEFT_BEHIND', 'EXTREME_POVERTY', 'ADVANCED_AGE', 'DISABLED', 'SEVERE_DISABILITY', 'BEREAVED_FAMILY');--> statement-breakpoint
CREATE TYPE "public"."claim_status" AS ENUM('CLAIMED', 'CHECKED_IN', 'REPORTED', 'CONFIRMED', 'REJECTED', 'WITHDRAWN', 'NO_SHOW');--> statement-breakpoint
CREATE TYPE "public"."need_status" AS ENUM('OPEN', 'FILLED', 'COMPLETED', 'CANCELLED');--> statement-breakpoint
CREATE TYPE "public"."payer" AS ENUM('SITE', 'BENEFICIARY');--> statement-breakpoint
CREATE TYPE "public"."redemption_status" AS ENUM('COMPLETED', 'CANCELLED');--> statement-breakpoint
CREATE TYPE "public"."role" AS ENUM('ADMIN', 'COORDINATOR', 'VOLUNTEER', 'ELDER', 'CLERK');--> statement-breakpoint
CREATE TYPE "public"."service_category" AS ENUM('MEALS', 'BATHING', 'CLEANING', 'MEDICAL_ESCORT', 'MOBILITY', 'EMERGENCY', 'COMPANIONSHIP', 'VISIT', 'ERRAND', 'REPAIR', 'FARM_WORK', 'OTHER');--> statement-breakpoint
CREATE TYPE "public"."transfer_kind" AS ENUM('SERVICE_CREDIT', 'ISSUANCE', 'DONATION', 'REDEMPTION', 'REFUND', 'EXPIRY', 'REVERSAL');--> statement-breakpoint
CREATE TYPE "public"."unit" AS ENUM('MINUTES', 'POINTS');--> statement-breakpoint
CREATE TABLE "site_category_rates" (
	"site_id" bigint NOT NULL,
	"category" "service_category" NOT NULL,
	"points_per_hour" integer NOT NULL,
	CONSTRAINT "site_category_rates_site_id_category_pk" PRIMARY KEY("site_id","category"),
	CONSTRAINT "site_category_rates_positive" CHECK ("site_category_rates"."points_per_hour" > 0 AND "site_category_rates"."points_per_hour" <= 1000)
);
--> statement-breakpoint
CREATE TABLE "sites" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "sites_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"name" text NOT NULL,
	"county" text NOT NULL,
	"township" text DEFAULT '' NOT NULL,
	"village" text DEFAULT '' NOT NULL,
	"time_zone" text DEFAULT 'Asia/Shanghai' NOT NULL,
	"points_per_hour" integer DEFAULT 10 NOT NULL,
	"points_expiry_months" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sites_points_per_hour_positive" CHECK ("sites"."points_per_hour" > 0 AND "sites"."points_per_hour" <= 1000),
	CONSTRAINT "sites_points_expiry_positive" CHECK ("sites"."points_expiry_months" IS NULL OR "sites"."points_expiry_months" > 0),
	CONSTRAINT "sites_name_not_blank" CHECK (length(btrim("sites"."name")) > 0)
);
--> statement-breakpoint
CREATE TABLE "members" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "members_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"site_id" bigint,
	"name" text NOT NULL,
	"phone" text,
	"password_hash" text,
	"birth_year" integer,
	"address" text,
	"care_categories" "care_category"[] DEFAULT '{}' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "members_phone_unique" UNIQUE("phone"),
	CONSTRAINT "members_name_not_blank" CHECK (length(btrim("members"."name")) > 0),
	CONSTRAINT "members_phone_digits" CHECK ("members"."phone" IS NULL OR "members"."phone" ~ '^1[3-9][0-9]{9}$'),
	CONSTRAINT "members_birth_year_range" CHECK ("members"."birth_year" IS NULL OR "members"."birth_year" BETWEEN 1900 AND 2100)
);
--> statement-breakpoint
CREATE TABLE "memberships" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "memberships_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"member_id" bigint NOT NULL,
	"site_id" bigint,
	"role" "role" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "memberships_once" UNIQUE NULLS NOT DISTINCT("member_id","site_id","role"),
	CONSTRAINT "memberships_site_unless_admin" CHECK ("memberships"."site_id" IS NOT NULL OR "memberships"."role" = 'ADMIN')
);
--> statement-breakpoint
CREATE TABLE "claims" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "claims_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"need_id" bigint NOT NULL,
	"volunteer_id" bigint NOT NULL,
	"status" "claim_status" DEFAULT 'CLAIMED' NOT NULL,
	"claimed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"checked_in_at" timestamp with time zone,
	"reported_at" timestamp with time zone,
	"reported_minutes" integer,
	"report_note" text,
	"settled_at" timestamp with time zone,
	"settled_by" bigint,
	"confirmed_minutes" integer,
	"points_awarded" integer,
	"reject_reason" text,
	"confirm_key" text,
	CONSTRAINT "claims_confirm_key_unique" UNIQUE("confirm_key"),
	CONSTRAINT "claims_reported_minutes_range" CHECK ("claims"."reported_minutes" IS NULL OR "claims"."reported_minutes" BETWEEN 1 AND 1440),
	CONSTRAINT "claims_confirmed_minutes_range" CHECK ("claims"."confirmed_minutes" IS NULL OR "claims"."confirmed_minutes" BETWEEN 1 AND 1440),
	CONSTRAINT "claims_points_not_negative" CHECK ("claims"."points_awarded" IS NULL OR "claims"."points_awarded" >= 0),
	CONSTRAINT "claims_confirmed_shape" CHECK (("claims"."status" = 'CONFIRMED') = ("claims"."confirmed_minutes" IS NOT NULL AND "claims"."points_awarded" IS NOT NULL)),
	CONSTRAINT "claims_rejected_reason" CHECK ("claims"."status" <> 'REJECTED' OR "claims"."reject_reason" IS NOT NULL)
);
--> statement-breakpoint
CREATE TABLE "needs" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "needs_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"site_id" bigint NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"category" "service_category" NOT NULL,
	"beneficiary_id" bigint NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"estimated_minutes" integer NOT NULL,
	"slots" integer DEFAULT 1 NOT NULL,
	"payer" "payer" DEFAULT 'SITE' NOT NULL,
	"status" "need_status" DEFAULT 'OPEN' NOT NULL,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"cancelled_at" timestamp with time zone,
	"cancel_reason" text,
	"completed_at" timestamp with time zone,
	CONSTRAINT "needs_title_not_blank" CHECK (length(btrim("needs"."title")) > 0),
	CONSTRAINT "needs_minutes_range" CHECK ("needs"."estimated_minutes" BETWEEN 1 AND 1440),
	CONSTRAINT "needs_slots_range" CHECK ("needs"."slots" BETWEEN 1 AND 50),
	CONSTRAINT "needs_cancel_reason" CHECK (("needs"."status" = 'CANCELLED') = ("needs"."cancelled_at" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "accounts" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "accounts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"owner" "account_owner" NOT NULL,
	"unit" "unit" NOT NULL,
	"member_id" bigint,
	"site_id" bigint,
	"balance" bigint DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "accounts_id_unit" UNIQUE("id","unit"),
	CONSTRAINT "accounts_member_unit" UNIQUE("member_id","unit"),
	CONSTRAINT "accounts_site_owner_unit" UNIQUE("site_id","owner","unit"),
	CONSTRAINT "accounts_member_not_negative" CHECK ("accounts"."owner" <> 'MEMBER' OR "accounts"."balance" >= 0),
	CONSTRAINT "accounts_owner_shape" CHECK (("accounts"."owner" = 'MEMBER' AND "accounts"."member_id" IS NOT NULL AND "accounts"."site_id" IS NULL)
       OR ("accounts"."owner" <> 'MEMBER' AND "accounts"."site_id" IS NOT NULL AND "accounts"."member_id" IS NULL)),
	CONSTRAINT "accounts_supermarket_points" CHECK ("accounts"."owner" <> 'SUPERMARKET' OR "accounts"."unit" = 'POINTS')
);
--> statement-breakpoint
CREATE TABLE "transfers" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "transfers_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"unit" "unit" NOT NULL,
	"amount" bigint NOT NULL,
	"debit_account_id" bigint NOT NULL,
	"credit_account_id" bigint NOT NULL,
	"kind" "transfer_kind" NOT NULL,
	"site_id" bigint,
	"idempotency_key" text NOT NULL,
	"request_hash" text NOT NULL,
	"memo" text,
	"reverses_id" bigint,
	"claim_id" bigint,
	"redemption_id" bigint,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "transfers_idempotency_key_unique" UNIQUE("idempotency_key"),
	CONSTRAINT "transfers_reverses_id_unique" UNIQUE("reverses_id"),
	CONSTRAINT "transfers_amount_positive" CHECK ("transfers"."amount" > 0),
	CONSTRAINT "transfers_not_to_self" CHECK ("transfers"."debit_account_id" <> "transfers"."credit_account_id"),
	CONSTRAINT "transfers_reversal_link" CHECK (("transfers"."kind" = 'REVERSAL') = ("transfers"."reverses_id" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "products" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "products_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"site_id" bigint NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"points_price" integer NOT NULL,
	"stock" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "products_site_name" UNIQUE("site_id","name"),
	CONSTRAINT "products_name_not_blank" CHECK (length(btrim("products"."name")) > 0),
	CONSTRAINT "products_price_positive" CHECK ("products"."points_price" > 0),
	CONSTRAINT "products_stock_not_negative" CHECK ("products"."stock" >= 0)
);
--> statement-breakpoint
CREATE TABLE "redemption_items" (
	"redemption_id" bigint NOT NULL,
	"product_id" bigint NOT NULL,
	"quantity" integer NOT NULL,
	"points" integer NOT NULL,
	CONSTRAINT "redemption_items_redemption_id_product_id_pk" PRIMARY KEY("redemption_id","product_id"),
	CONSTRAINT "redemption_items_quantity_range" CHECK ("redemption_items"."quantity" BETWEEN 1 AND 99),
	CONSTRAINT "redemption_items_points_positive" CHECK ("redemption_items"."points" > 0)
);
--> statement-breakpoint
CREATE TABLE "redemptions" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "redemptions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"site_id" bigint NOT NULL,
	"member_id" bigint NOT NULL,
	"total_points" integer NOT NULL,
	"status" "redemption_status" DEFAULT 'COMPLETED' NOT NULL,
	"idempotency_key" text NOT NULL,
	"request_hash" text NOT NULL,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"cancelled_at" timestamp with time zone,
	"cancelled_by" bigint,
	"cancel_reason" text,
	CONSTRAINT "redemptions_idempotency_key_unique" UNIQUE("idempotency_key"),
	CONSTRAINT "redemptions_total_positive" CHECK ("redemptions"."total_points" > 0),
	CONSTRAINT "redemptions_cancel_shape" CHECK (("redemptions"."status" = 'CANCELLED') = ("redemptions"."cancelled_at" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "visits" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "visits_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"site_id" bigint NOT NULL,
	"elder_id" bigint NOT NULL,
	"visitor_id" bigint,
	"visited_at" timestamp with time zone NOT NULL,
	"note" text,
	"follow_up_needed" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "visits_not_in_future" CHECK ("visits"."visited_at" <= "visits"."created_at" + interval '1 day')
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_log_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" bigint,
	"site_id" bigint,
	"action" text NOT NULL,
	"entity" text NOT NULL,
	"entity_id" text,
	"ip" text,
	"detail" jsonb
);
--> statement-breakpoint
ALTER TABLE "site_category_rates" ADD CONSTRAINT "site_category_rates_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "members" ADD CONSTRAINT "members_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claims" ADD CONSTRAINT "claims_need_id_needs_id_fk" FOREIGN KEY ("need_id") REFERENCES "public"."needs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claims" ADD CONSTRAINT "claims_volunteer_id_members_id_fk" FOREIGN KEY ("volunteer_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claims" ADD CONSTRAINT "claims_settled_by_members_id_fk" FOREIGN KEY ("settled_by") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "needs" ADD CONSTRAINT "needs_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "needs" ADD CONSTRAINT "needs_beneficiary_id_members_id_fk" FOREIGN KEY ("beneficiary_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "needs" ADD CONSTRAINT "needs_created_by_members_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfers" ADD CONSTRAINT "transfers_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfers" ADD CONSTRAINT "transfers_claim_id_claims_id_fk" FOREIGN KEY ("claim_id") REFERENCES "public"."claims"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfers" ADD CONSTRAINT "transfers_redemption_id_redemptions_id_fk" FOREIGN KEY ("redemption_id") REFERENCES "public"."redemptions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfers" ADD CONSTRAINT "transfers_created_by_members_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfers" ADD CONSTRAINT "transfers_debit_account_fk" FOREIGN KEY ("debit_account_id","unit") REFERENCES "public"."accounts"("id","unit") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfers" ADD CONSTRAINT "transfers_credit_account_fk" FOREIGN KEY ("credit_account_id","unit") REFERENCES "public"."accounts"("id","unit") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfers" ADD CONSTRAINT "transfers_reverses_fk" FOREIGN KEY ("reverses_id") REFERENCES "public"."transfers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "redemption_items" ADD CONSTRAINT "redemption_items_redemption_id_redemptions_id_fk" FOREIGN KEY ("redemption_id") REFERENCES "public"."redemptions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "redemption_items" ADD CONSTRAINT "redemption_items_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "redemptions" ADD CONSTRAINT "redemptions_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "redemptions" ADD CONSTRAINT "redemptions_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "redemptions" ADD CONSTRAINT "redemptions_created_by_members_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "redemptions" ADD CONSTRAINT "redemptions_cancelled_by_members_id_fk" FOREIGN KEY ("cancelled_by") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_elder_id_members_id_fk" FOREIGN KEY ("elder_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_visitor_id_members_id_fk" FOREIGN KEY ("visitor_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_actor_id_members_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sites_region_idx" ON "sites" USING btree ("county","township","village");--> statement-breakpoint
CREATE INDEX "members_site_idx" ON "members" USING btree ("site_id","id");--> statement-breakpoint
CREATE INDEX "memberships_site_role_idx" ON "memberships" USING btree ("site_id","role","member_id");--> statement-breakpoint
CREATE UNIQUE INDEX "claims_one_live_per_volunteer" ON "claims" USING btree ("need_id","volunteer_id") WHERE "claims"."status" <> 'WITHDRAWN';--> statement-breakpoint
CREATE INDEX "claims_need_idx" ON "claims" USING btree ("need_id");--> statement-breakpoint
CREATE INDEX "claims_volunteer_status_idx" ON "claims" USING btree ("volunteer_id","status");--> statement-breakpoint
CREATE INDEX "claims_settled_idx" ON "claims" USING btree ("status","settled_at");--> statement-breakpoint
CREATE INDEX "needs_site_status_starts_idx" ON "needs" USING btree ("site_id","status","starts_at");--> statement-breakpoint
CREATE INDEX "needs_beneficiary_idx" ON "needs" USING btree ("beneficiary_id");--> statement-breakpoint
CREATE INDEX "needs_site_created_idx" ON "needs" USING btree ("site_id","created_at");--> statement-breakpoint
CREATE INDEX "transfers_debit_idx" ON "transfers" USING btree ("debit_account_id","id");--> statement-breakpoint
CREATE INDEX "transfers_credit_idx" ON "transfers" USING btree ("credit_account_id","id");--> statement-breakpoint
CREATE INDEX "transfers_claim_idx" ON "transfers" USING btree ("claim_id");--> statement-breakpoint
CREATE INDEX "transfers_redemption_idx" ON "transfers" USING btree ("redemption_id");--> statement-breakpoint
CREATE INDEX "transfers_site_created_idx" ON "transfers" USING btree ("site_id","created_at");--> statement-breakpoint
CREATE INDEX "redemptions_member_idx" ON "redemptions" USING btree ("member_id","id");--> statement-breakpoint
CREATE INDEX "redemptions_site_created_idx" ON "redemptions" USING btree ("site_id","created_at");--> statement-breakpoint
CREATE INDEX "visits_site_visited_idx" ON "visits" USING btree ("site_id","visited_at");--> statement-breakpoint
CREATE INDEX "visits_elder_visited_idx" ON "visits" USING btree ("elder_id","visited_at");--> statement-breakpoint
CREATE INDEX "audit_log_site_at_idx" ON "audit_log" USING btree ("site_id","at");--> statement-breakpoint
CREATE INDEX "audit_log_actor_idx" ON "audit_log" USING btree ("actor_id","at");