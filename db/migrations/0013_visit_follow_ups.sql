ALTER TABLE "visits" ADD COLUMN "follow_up_closed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "visits" ADD COLUMN "follow_up_closed_by" bigint;--> statement-breakpoint
ALTER TABLE "visits" ADD COLUMN "follow_up_outcome" text;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_follow_up_closed_by_members_id_fk" FOREIGN KEY ("follow_up_closed_by") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "visits_open_follow_ups_idx" ON "visits" USING btree ("site_id","visited_at") WHERE "visits"."follow_up_needed" AND "visits"."follow_up_closed_at" IS NULL;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_follow_up_closed_only_if_needed" CHECK ("visits"."follow_up_closed_at" IS NULL OR ("visits"."follow_up_needed" AND "visits"."follow_up_outcome" IS NOT NULL));