CREATE TABLE "certificate_counters" (
	"site_id" bigint NOT NULL,
	"year" integer NOT NULL,
	"last_seq" integer NOT NULL,
	CONSTRAINT "certificate_counters_site_id_year_pk" PRIMARY KEY("site_id","year")
);
--> statement-breakpoint
CREATE TABLE "passbook_prints" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "passbook_prints_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"member_id" bigint NOT NULL,
	"unit" "unit" NOT NULL,
	"last_transfer_id" bigint NOT NULL,
	"last_line" integer NOT NULL,
	"last_page" integer NOT NULL,
	"rows_per_page" integer NOT NULL,
	"printed_by" bigint,
	"printed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "passbook_prints_line_positive" CHECK ("passbook_prints"."last_line" > 0 AND "passbook_prints"."last_page" > 0 AND "passbook_prints"."rows_per_page" > 0)
);
--> statement-breakpoint
CREATE TABLE "service_certificates" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "service_certificates_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"site_id" bigint NOT NULL,
	"year" integer NOT NULL,
	"seq" integer NOT NULL,
	"number" text NOT NULL,
	"member_id" bigint NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"minutes" bigint NOT NULL,
	"issued_by" bigint,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "service_certificates_number_unique" UNIQUE("number"),
	CONSTRAINT "service_certificates_site_year_seq" UNIQUE("site_id","year","seq"),
	CONSTRAINT "service_certificates_period" CHECK ("service_certificates"."period_from" <= "service_certificates"."period_to")
);
--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "card_code" text;--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "id_type" text;--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "id_number" text;--> statement-breakpoint
ALTER TABLE "certificate_counters" ADD CONSTRAINT "certificate_counters_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "passbook_prints" ADD CONSTRAINT "passbook_prints_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "passbook_prints" ADD CONSTRAINT "passbook_prints_printed_by_members_id_fk" FOREIGN KEY ("printed_by") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_certificates" ADD CONSTRAINT "service_certificates_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_certificates" ADD CONSTRAINT "service_certificates_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_certificates" ADD CONSTRAINT "service_certificates_issued_by_members_id_fk" FOREIGN KEY ("issued_by") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "passbook_prints_member_idx" ON "passbook_prints" USING btree ("member_id","unit","id");--> statement-breakpoint
CREATE INDEX "service_certificates_member_idx" ON "service_certificates" USING btree ("member_id","id");--> statement-breakpoint
ALTER TABLE "members" ADD CONSTRAINT "members_card_code_unique" UNIQUE("card_code");