CREATE TABLE "live_listeners" (
	"process_id" text PRIMARY KEY NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "live_listeners_expires_idx" ON "live_listeners" USING btree ("expires_at");