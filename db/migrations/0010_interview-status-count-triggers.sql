-- Keeps interview_status_counts (db/interview-status-counts.ts) in the transaction of every
-- change to interviews. Each trigger appends rows of +n / -n: no writer waits for another on
-- a shared counter row. lib/interviews/stats.ts sums them and folds them periodically.

-- INSERT: one row per organisation and status of the statement, however many rows it inserts
-- (a bulk load of 200,000 interviews adds a handful of rows).
CREATE FUNCTION interview_status_counts_on_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO interview_status_counts (organization_id, status, n)
  SELECT organization_id, status, count(*) FROM added GROUP BY organization_id, status;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER interviews_status_counts_insert AFTER INSERT ON interviews
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION interview_status_counts_on_insert();
--> statement-breakpoint

-- DELETE: the same with -n. When the organisation itself is being deleted its counts go with
-- it (foreign key cascade), so none are written for it.
CREATE FUNCTION interview_status_counts_on_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO interview_status_counts (organization_id, status, n)
  SELECT r.organization_id, r.status, -count(*) FROM removed r
  WHERE EXISTS (SELECT 1 FROM organizations o WHERE o.id = r.organization_id)
  GROUP BY r.organization_id, r.status;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER interviews_status_counts_delete AFTER DELETE ON interviews
  REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION interview_status_counts_on_delete();
--> statement-breakpoint

-- UPDATE: only a change of status counts. Row-level with a WHEN clause, so the many updates
-- that leave the status alone (e-mail status, report id) never call the function.
CREATE FUNCTION interview_status_counts_on_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO interview_status_counts (organization_id, status, n)
  VALUES (OLD.organization_id, OLD.status, -1), (NEW.organization_id, NEW.status, 1);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER interviews_status_counts_update AFTER UPDATE OF status, organization_id ON interviews
  FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.organization_id IS DISTINCT FROM NEW.organization_id)
  EXECUTE FUNCTION interview_status_counts_on_update();
--> statement-breakpoint

-- The interviews that exist already. The triggers above were created first in this same
-- transaction, which holds interviews locked against writes until it commits.
INSERT INTO interview_status_counts (organization_id, status, n)
SELECT organization_id, status, count(*) FROM interviews GROUP BY organization_id, status;
