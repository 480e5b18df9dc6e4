-- Consent records are evidence: once written they never change. Only rows may be added (and
-- removed with their interview or organisation); any UPDATE is refused by the database itself.
CREATE FUNCTION interview_consents_refuse_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'interview_consents rows are never updated';
END;
$$;--> statement-breakpoint
CREATE TRIGGER interview_consents_append_only BEFORE UPDATE ON interview_consents
  FOR EACH ROW EXECUTE FUNCTION interview_consents_refuse_update();
