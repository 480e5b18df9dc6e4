-- Stored idempotent answers were kept in clear (webhook signing secrets, invitation links) and
-- belonged to the organisation rather than to one API key. They cannot be sealed or assigned to
-- a key after the fact, so they go: they live 24 hours at most, and a retry of a request made
-- before this migration runs as a new request.
DELETE FROM "idempotency_keys";--> statement-breakpoint
-- E-mails that failed or were withdrawn kept their invitation link; sent ones already lost it.
UPDATE "emails" SET
  "html" = regexp_replace("html", '/i/[A-Za-z0-9_-]{43}', '/i/[link-removed]', 'g'),
  "text" = regexp_replace("text", '/i/[A-Za-z0-9_-]{43}', '/i/[link-removed]', 'g')
WHERE "status" = 'FAILED';
