CREATE TYPE "public"."interview_mode" AS ENUM('voice', 'text');--> statement-breakpoint
CREATE TABLE "interview_consents" (
	"id" text PRIMARY KEY NOT NULL,
	"organization_id" text NOT NULL,
	"interview_id" text NOT NULL,
	"notice_version" text NOT NULL,
	"locale" text NOT NULL,
	"mode" "interview_mode" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "interview_messages" (
	"interview_id" text NOT NULL,
	"organization_id" text NOT NULL,
	"client_message_id" text NOT NULL,
	"turn_number" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "interview_messages_pkey" PRIMARY KEY("interview_id","client_message_id")
);
--> statement-breakpoint
CREATE TABLE "interview_reply_leases" (
	"interview_id" text PRIMARY KEY NOT NULL,
	"organization_id" text NOT NULL,
	"holder" text NOT NULL,
	"client_message_id" text,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "candidate_data_retention_days" integer DEFAULT 365 NOT NULL;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "accommodation_contact_email" text;--> statement-breakpoint
ALTER TABLE "interviews" ADD COLUMN "human_requested_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "interview_consents" ADD CONSTRAINT "interview_consents_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interview_consents" ADD CONSTRAINT "interview_consents_interview_id_interviews_id_fk" FOREIGN KEY ("interview_id") REFERENCES "public"."interviews"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interview_messages" ADD CONSTRAINT "interview_messages_interview_id_interviews_id_fk" FOREIGN KEY ("interview_id") REFERENCES "public"."interviews"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interview_messages" ADD CONSTRAINT "interview_messages_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interview_reply_leases" ADD CONSTRAINT "interview_reply_leases_interview_id_interviews_id_fk" FOREIGN KEY ("interview_id") REFERENCES "public"."interviews"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interview_reply_leases" ADD CONSTRAINT "interview_reply_leases_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "interview_consents_interview_created_idx" ON "interview_consents" USING btree ("interview_id","created_at","id");