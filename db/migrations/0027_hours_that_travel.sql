ALTER TYPE "public"."account_owner" ADD VALUE 'CARE_POOL';--> statement-breakpoint
ALTER TYPE "public"."transfer_kind" ADD VALUE 'GIFT';--> statement-breakpoint
ALTER TYPE "public"."transfer_kind" ADD VALUE 'WITHDRAWAL';--> statement-breakpoint
ALTER TYPE "public"."transfer_kind" ADD VALUE 'OVERFLOW';--> statement-breakpoint
ALTER TABLE "transfers" ADD COLUMN "counterparty_site_id" bigint;--> statement-breakpoint
ALTER TABLE "transfers" ADD CONSTRAINT "transfers_counterparty_site_id_sites_id_fk" FOREIGN KEY ("counterparty_site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "transfers_counterparty_idx" ON "transfers" USING btree ("counterparty_site_id","site_id") WHERE "transfers"."counterparty_site_id" IS NOT NULL;--> statement-breakpoint
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_care_pool_minutes" CHECK ("accounts"."owner"::text <> 'CARE_POOL' OR "accounts"."unit" = 'MINUTES');--> statement-breakpoint
ALTER TABLE "transfers" ADD CONSTRAINT "transfers_counterparty_other_site" CHECK ("transfers"."counterparty_site_id" IS NULL OR ("transfers"."kind"::text IN ('WITHDRAWAL', 'REVERSAL') AND "transfers"."counterparty_site_id" <> "transfers"."site_id"));