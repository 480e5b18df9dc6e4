CREATE TABLE "interview_status_counts" (
	"organization_id" text NOT NULL,
	"status" "interview_status" NOT NULL,
	"n" integer NOT NULL
);
--> statement-breakpoint
DROP INDEX "candidates_org_created_idx";--> statement-breakpoint
DROP INDEX "candidates_org_email_idx";--> statement-breakpoint
DROP INDEX "jobs_org_created_idx";--> statement-breakpoint
DROP INDEX "interview_configs_org_created_idx";--> statement-breakpoint
DROP INDEX "campaigns_org_created_idx";--> statement-breakpoint
DROP INDEX "campaigns_org_job_idx";--> statement-breakpoint
DROP INDEX "interviews_org_created_idx";--> statement-breakpoint
DROP INDEX "interviews_org_status_created_idx";--> statement-breakpoint
DROP INDEX "interviews_org_job_created_idx";--> statement-breakpoint
DROP INDEX "interviews_org_campaign_created_idx";--> statement-breakpoint
DROP INDEX "reports_org_created_idx";--> statement-breakpoint
DROP INDEX "emails_org_created_idx";--> statement-breakpoint
DROP INDEX "emails_interview_idx";--> statement-breakpoint
DROP INDEX "audit_events_org_created_idx";--> statement-breakpoint
DROP INDEX "webhook_endpoints_org_idx";--> statement-breakpoint
DROP INDEX "webhook_deliveries_endpoint_created_idx";--> statement-breakpoint
DROP INDEX "interview_decisions_interview_created_idx";--> statement-breakpoint
DROP INDEX "interview_decisions_org_created_idx";--> statement-breakpoint
ALTER TABLE "interview_status_counts" ADD CONSTRAINT "interview_status_counts_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "interview_status_counts_org_status_idx" ON "interview_status_counts" USING btree ("organization_id","status");--> statement-breakpoint
CREATE INDEX "interviews_org_pending_expiry_idx" ON "interviews" USING btree ("organization_id","status","expires_at") WHERE "interviews"."status" in ('DRAFT', 'INVITED');--> statement-breakpoint
CREATE INDEX "candidates_org_created_idx" ON "candidates" USING btree ("organization_id","created_at","id");--> statement-breakpoint
CREATE INDEX "candidates_org_email_idx" ON "candidates" USING btree ("organization_id",lower("email"));--> statement-breakpoint
CREATE INDEX "jobs_org_created_idx" ON "jobs" USING btree ("organization_id","created_at","id");--> statement-breakpoint
CREATE INDEX "interview_configs_org_created_idx" ON "interview_configs" USING btree ("organization_id","created_at","id");--> statement-breakpoint
CREATE INDEX "campaigns_org_created_idx" ON "campaigns" USING btree ("organization_id","created_at","id");--> statement-breakpoint
CREATE INDEX "campaigns_org_job_idx" ON "campaigns" USING btree ("organization_id","job_id","created_at","id");--> statement-breakpoint
CREATE INDEX "interviews_org_created_idx" ON "interviews" USING btree ("organization_id","created_at","id");--> statement-breakpoint
CREATE INDEX "interviews_org_status_created_idx" ON "interviews" USING btree ("organization_id","status","created_at","id","expires_at");--> statement-breakpoint
CREATE INDEX "interviews_org_job_created_idx" ON "interviews" USING btree ("organization_id","job_id","created_at","id");--> statement-breakpoint
CREATE INDEX "interviews_org_campaign_created_idx" ON "interviews" USING btree ("organization_id","campaign_id","created_at","id");--> statement-breakpoint
CREATE INDEX "reports_org_created_idx" ON "reports" USING btree ("organization_id","created_at","id");--> statement-breakpoint
CREATE INDEX "emails_org_created_idx" ON "emails" USING btree ("organization_id","created_at","id");--> statement-breakpoint
CREATE INDEX "emails_interview_idx" ON "emails" USING btree ("interview_id","created_at","id");--> statement-breakpoint
CREATE INDEX "audit_events_org_created_idx" ON "audit_events" USING btree ("organization_id","created_at","id");--> statement-breakpoint
CREATE INDEX "webhook_endpoints_org_idx" ON "webhook_endpoints" USING btree ("organization_id","created_at","id");--> statement-breakpoint
CREATE INDEX "webhook_deliveries_endpoint_created_idx" ON "webhook_deliveries" USING btree ("endpoint_id","created_at","id");--> statement-breakpoint
CREATE INDEX "interview_decisions_interview_created_idx" ON "interview_decisions" USING btree ("interview_id","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "interview_decisions_org_created_idx" ON "interview_decisions" USING btree ("organization_id","created_at","id");