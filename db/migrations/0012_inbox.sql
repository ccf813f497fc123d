CREATE TYPE "public"."inbox_kind" AS ENUM('CLAIM_CONFIRMED', 'CLAIM_REJECTED', 'SERVICE_REPORTED', 'NEED_CHANGED', 'NEED_CANCELLED', 'NEED_MATCHES_OFFER', 'JOIN_REQUESTED', 'VISIT_REMINDER', 'VISIT_DUE', 'VISIT_OVERDUE');--> statement-breakpoint
CREATE TABLE "inbox_items" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "inbox_items_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"member_id" bigint NOT NULL,
	"site_id" bigint,
	"kind" "inbox_kind" NOT NULL,
	"subject" text,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"dedupe_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone,
	CONSTRAINT "inbox_items_read_after_created" CHECK ("inbox_items"."read_at" IS NULL OR "inbox_items"."read_at" >= "inbox_items"."created_at")
);
--> statement-breakpoint
ALTER TABLE "inbox_items" ADD CONSTRAINT "inbox_items_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inbox_items" ADD CONSTRAINT "inbox_items_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "inbox_items_member_idx" ON "inbox_items" USING btree ("member_id","id");--> statement-breakpoint
CREATE INDEX "inbox_items_unread_idx" ON "inbox_items" USING btree ("member_id") WHERE "inbox_items"."read_at" IS NULL;--> statement-breakpoint
CREATE INDEX "inbox_items_created_idx" ON "inbox_items" USING btree ("created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "inbox_items_dedupe_idx" ON "inbox_items" USING btree ("member_id","dedupe_key");