CREATE TABLE "product_photos" (
	"product_id" bigint PRIMARY KEY NOT NULL,
	"mime_type" text NOT NULL,
	"bytes" "bytea" NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "product_photos_mime" CHECK ("product_photos"."mime_type" IN ('image/jpeg', 'image/webp')),
	CONSTRAINT "product_photos_size" CHECK (octet_length("product_photos"."bytes") BETWEEN 1 AND 65536)
);
--> statement-breakpoint
ALTER TABLE "sites" ADD COLUMN "public_notice" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "unit" text;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "photo_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "product_photos" ADD CONSTRAINT "product_photos_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_unit_shape" CHECK ("products"."unit" IS NULL OR length(btrim("products"."unit")) BETWEEN 1 AND 8);