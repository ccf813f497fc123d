CREATE TYPE "public"."deactivation_reason" AS ENUM('LEFT', 'DIED', 'OTHER');--> statement-breakpoint
CREATE TYPE "public"."leaver_balance_rule" AS ENUM('DONATE_TO_POOL', 'KEEP');--> statement-breakpoint
CREATE TYPE "public"."living_situation" AS ENUM('ALONE', 'WITH_SPOUSE', 'WITH_CHILDREN', 'WITH_OTHERS', 'IN_CARE_HOME');--> statement-breakpoint
ALTER TABLE "sites" ADD COLUMN "leaver_balance_rule" "leaver_balance_rule" DEFAULT 'DONATE_TO_POOL' NOT NULL;--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "living_situation" "living_situation";--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "disability_grade" integer;--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "deactivated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "deactivation_reason" "deactivation_reason";--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "deactivation_note" text;--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "reset_code_hash" text;--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "reset_code_expires_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "members" ADD CONSTRAINT "members_disability_grade_range" CHECK ("members"."disability_grade" IS NULL OR "members"."disability_grade" BETWEEN 1 AND 4);--> statement-breakpoint
ALTER TABLE "members" ADD CONSTRAINT "members_deactivation_reason" CHECK (("members"."deactivated_at" IS NULL) = ("members"."deactivation_reason" IS NULL));