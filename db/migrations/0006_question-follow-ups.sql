-- Questions written before the configuration had one schema (lib/interview-configs/schema.ts)
-- may lack "followUps"; give them the empty list the schema defaults to, so stored
-- configurations and interviews' snapshots are exactly the type their columns declare.
-- Only rows with such a question are rewritten; order and every other key are kept.
UPDATE "interview_configs" SET "questions" = (
  SELECT jsonb_agg(CASE WHEN q -> 'followUps' IS NULL THEN q || '{"followUps": []}'::jsonb ELSE q END ORDER BY n)
  FROM jsonb_array_elements("questions") WITH ORDINALITY AS e(q, n)
)
WHERE jsonb_typeof("questions") = 'array'
  AND EXISTS (SELECT 1 FROM jsonb_array_elements("questions") AS e(q) WHERE q -> 'followUps' IS NULL);
--> statement-breakpoint
UPDATE "interviews" SET "config_snapshot" = jsonb_set("config_snapshot", '{questions}', (
  SELECT jsonb_agg(CASE WHEN q -> 'followUps' IS NULL THEN q || '{"followUps": []}'::jsonb ELSE q END ORDER BY n)
  FROM jsonb_array_elements("config_snapshot" -> 'questions') WITH ORDINALITY AS e(q, n)
))
WHERE jsonb_typeof("config_snapshot" -> 'questions') = 'array'
  AND EXISTS (SELECT 1 FROM jsonb_array_elements("config_snapshot" -> 'questions') AS e(q) WHERE q -> 'followUps' IS NULL);
