CREATE TABLE "service_versions" (
	"service_code" text NOT NULL,
	"version" integer NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"summary_zh" text NOT NULL,
	"summary_en" text NOT NULL,
	"description_zh" text NOT NULL,
	"description_en" text NOT NULL,
	"kind" text NOT NULL,
	"unit_code" text NOT NULL,
	"checklist" jsonb NOT NULL,
	"fees" jsonb NOT NULL,
	"deadline" jsonb NOT NULL,
	"sop_steps" jsonb NOT NULL,
	"form_fields" jsonb NOT NULL,
	"sample" jsonb NOT NULL,
	"service_classification_code" text NOT NULL,
	"theme_classification_code" text,
	"administrative_classification_code" text,
	"is_online" boolean NOT NULL,
	"search_text" text NOT NULL,
	"search_names" text NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	"published_by" text NOT NULL,
	CONSTRAINT "service_versions_service_code_version_pk" PRIMARY KEY("service_code","version"),
	CONSTRAINT "service_versions_kind_known" CHECK ("service_versions"."kind" in ('application', 'field_report', 'petition', 'inquiry')),
	CONSTRAINT "service_versions_version_positive" CHECK ("service_versions"."version" >= 1)
);
--> statement-breakpoint
CREATE TABLE "services" (
	"code" text PRIMARY KEY NOT NULL,
	"current_version" integer NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "services_code_url_safe" CHECK ("services"."code" ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
	CONSTRAINT "services_current_version_positive" CHECK ("services"."current_version" >= 1)
);
--> statement-breakpoint
ALTER TABLE "service_versions" ADD CONSTRAINT "service_versions_service_code_services_code_fk" FOREIGN KEY ("service_code") REFERENCES "public"."services"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_versions" ADD CONSTRAINT "service_versions_unit_code_units_code_fk" FOREIGN KEY ("unit_code") REFERENCES "public"."units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_versions" ADD CONSTRAINT "service_versions_service_classification_code_service_classifications_code_fk" FOREIGN KEY ("service_classification_code") REFERENCES "public"."service_classifications"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "service_versions_search_idx" ON "service_versions" USING gin (to_tsvector('simple', "search_text"));--> statement-breakpoint
CREATE INDEX "service_versions_unit_code_idx" ON "service_versions" USING btree ("unit_code");