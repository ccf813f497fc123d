ALTER TABLE "needs" ADD COLUMN "idempotency_key" text;--> statement-breakpoint
ALTER TABLE "needs" ADD COLUMN "request_hash" text;--> statement-breakpoint
ALTER TABLE "visits" ADD COLUMN "idempotency_key" text;--> statement-breakpoint
ALTER TABLE "visits" ADD COLUMN "request_hash" text;--> statement-breakpoint
ALTER TABLE "needs" ADD CONSTRAINT "needs_idempotency_key_unique" UNIQUE("idempotency_key");--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_idempotency_key_unique" UNIQUE("idempotency_key");--> statement-breakpoint
ALTER TABLE "needs" ADD CONSTRAINT "needs_key_with_hash" CHECK (("needs"."idempotency_key" IS NULL) = ("needs"."request_hash" IS NULL));--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_key_with_hash" CHECK (("visits"."idempotency_key" IS NULL) = ("visits"."request_hash" IS NULL));