CREATE TYPE "public"."family_consent" AS ENUM('SELF', 'PROXY');--> statement-breakpoint
CREATE TYPE "public"."family_relation" AS ENUM('SPOUSE', 'PARENT', 'CHILD', 'OTHER_RELATIVE');--> statement-breakpoint
ALTER TYPE "public"."inbox_kind" ADD VALUE 'PAYMENT_CONSENT_ASKED';--> statement-breakpoint
ALTER TYPE "public"."payer" ADD VALUE 'RELATIVE';--> statement-breakpoint
ALTER TYPE "public"."payer" ADD VALUE 'CARE_POOL';--> statement-breakpoint
CREATE TABLE "family_links" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "family_links_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"member_id" bigint NOT NULL,
	"relative_id" bigint NOT NULL,
	"relation" "family_relation" NOT NULL,
	"site_id" bigint NOT NULL,
	"member_consent" "family_consent",
	"member_consent_by" bigint,
	"member_consent_at" timestamp with time zone,
	"relative_consent" "family_consent",
	"relative_consent_by" bigint,
	"relative_consent_at" timestamp with time zone,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp with time zone,
	"ended_by" bigint,
	CONSTRAINT "family_links_not_self" CHECK ("family_links"."member_id" <> "family_links"."relative_id"),
	CONSTRAINT "family_links_member_consent_shape" CHECK (("family_links"."member_consent" IS NULL) = ("family_links"."member_consent_at" IS NULL)),
	CONSTRAINT "family_links_relative_consent_shape" CHECK (("family_links"."relative_consent" IS NULL) = ("family_links"."relative_consent_at" IS NULL))
);
--> statement-breakpoint
CREATE TABLE "payment_permissions" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "payment_permissions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"payer_id" bigint NOT NULL,
	"beneficiary_id" bigint NOT NULL,
	"granted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "payment_permissions_not_self" CHECK ("payment_permissions"."payer_id" <> "payment_permissions"."beneficiary_id")
);
--> statement-breakpoint
ALTER TABLE "needs" ADD COLUMN "payer_member_id" bigint;--> statement-breakpoint
ALTER TABLE "needs" ADD COLUMN "payer_consented_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "family_links" ADD CONSTRAINT "family_links_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_links" ADD CONSTRAINT "family_links_relative_id_members_id_fk" FOREIGN KEY ("relative_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_links" ADD CONSTRAINT "family_links_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_links" ADD CONSTRAINT "family_links_member_consent_by_members_id_fk" FOREIGN KEY ("member_consent_by") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_links" ADD CONSTRAINT "family_links_relative_consent_by_members_id_fk" FOREIGN KEY ("relative_consent_by") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_links" ADD CONSTRAINT "family_links_created_by_members_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_links" ADD CONSTRAINT "family_links_ended_by_members_id_fk" FOREIGN KEY ("ended_by") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_permissions" ADD CONSTRAINT "payment_permissions_payer_id_members_id_fk" FOREIGN KEY ("payer_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_permissions" ADD CONSTRAINT "payment_permissions_beneficiary_id_members_id_fk" FOREIGN KEY ("beneficiary_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "family_links_open_pair" ON "family_links" USING btree (least("member_id", "relative_id"),greatest("member_id", "relative_id")) WHERE "family_links"."ended_at" IS NULL;--> statement-breakpoint
CREATE INDEX "family_links_member_idx" ON "family_links" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "family_links_relative_idx" ON "family_links" USING btree ("relative_id");--> statement-breakpoint
CREATE UNIQUE INDEX "payment_permissions_open" ON "payment_permissions" USING btree ("payer_id","beneficiary_id") WHERE "payment_permissions"."revoked_at" IS NULL;--> statement-breakpoint
ALTER TABLE "needs" ADD CONSTRAINT "needs_payer_member_id_members_id_fk" FOREIGN KEY ("payer_member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "needs" ADD CONSTRAINT "needs_relative_payer" CHECK (("needs"."payer"::text = 'RELATIVE') = ("needs"."payer_member_id" IS NOT NULL));