CREATE TABLE "livekit_webhook_events" (
	"id" text PRIMARY KEY NOT NULL,
	"event" text NOT NULL,
	"organization_id" text,
	"interview_id" text,
	"participant_identity" text,
	"session_started_at" timestamp with time zone,
	"occurred_at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "interviews" ADD COLUMN "interrupted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "livekit_webhook_events" ADD CONSTRAINT "livekit_webhook_events_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "livekit_webhook_events" ADD CONSTRAINT "livekit_webhook_events_interview_id_fk" FOREIGN KEY ("organization_id","interview_id") REFERENCES "public"."interviews"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "livekit_webhook_events_candidate_joins_idx" ON "livekit_webhook_events" USING btree ("interview_id","session_started_at") WHERE "livekit_webhook_events"."event" = 'participant_joined';--> statement-breakpoint
CREATE INDEX "livekit_webhook_events_received_idx" ON "livekit_webhook_events" USING btree ("received_at");