CREATE TYPE "public"."decision_outcome" AS ENUM('ADVANCE', 'REJECT', 'HOLD');--> statement-breakpoint
CREATE TABLE "interview_decisions" (
	"id" text PRIMARY KEY NOT NULL,
	"organization_id" text NOT NULL,
	"interview_id" text NOT NULL,
	"outcome" "decision_outcome" NOT NULL,
	"agrees_with_recommendation" boolean NOT NULL,
	"reason" text,
	"report_id" text,
	"recommendation" "recommendation",
	"actor_type" text NOT NULL,
	"actor_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "interview_decisions" ADD CONSTRAINT "interview_decisions_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interview_decisions" ADD CONSTRAINT "interview_decisions_interview_id_interviews_id_fk" FOREIGN KEY ("interview_id") REFERENCES "public"."interviews"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interview_decisions" ADD CONSTRAINT "interview_decisions_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "interview_decisions_interview_created_idx" ON "interview_decisions" USING btree ("interview_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "interview_decisions_org_created_idx" ON "interview_decisions" USING btree ("organization_id","created_at" DESC NULLS LAST);