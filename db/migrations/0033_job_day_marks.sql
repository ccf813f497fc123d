CREATE TABLE "job_day_marks" (
	"job" text NOT NULL,
	"key" text NOT NULL,
	"day" date NOT NULL,
	"finished_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "job_day_marks_job_key_pk" PRIMARY KEY("job","key")
);
