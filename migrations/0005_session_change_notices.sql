-- Every app instance reuses the sessions it read lately (src/platform/session-store.ts), so it must
-- hear of any change to what a session read returns: the session, the person's name, memberships
-- and staff memberships, and the names of organisations and boards. Triggers announce each change
-- on commit, whatever made it. OR REPLACE: a migration can run twice. Payload: the MD5 of the
-- session id (any role that may connect can LISTEN), 'person:<id>', or '*' for every session.
CREATE OR REPLACE FUNCTION notify_session_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_LEVEL = 'STATEMENT' THEN
    PERFORM pg_notify('sessions_changed', '*');
  ELSIF TG_TABLE_NAME = 'sessions' THEN
    PERFORM pg_notify('sessions_changed', md5(OLD.sid));
  ELSIF TG_TABLE_NAME = 'persons' THEN
    PERFORM pg_notify('sessions_changed', 'person:' || OLD.id);
  ELSE
    IF TG_OP <> 'INSERT' THEN PERFORM pg_notify('sessions_changed', 'person:' || OLD.person_id); END IF;
    IF TG_OP <> 'DELETE' THEN PERFORM pg_notify('sessions_changed', 'person:' || NEW.person_id); END IF;
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE OR REPLACE TRIGGER "sessions_changed" AFTER UPDATE OR DELETE ON "sessions" FOR EACH ROW EXECUTE FUNCTION notify_session_changed();--> statement-breakpoint
-- A login stamps last_login_at: only the name is read with the session.
CREATE OR REPLACE TRIGGER "persons_renamed" AFTER UPDATE OF "given_name", "family_name" ON "persons" FOR EACH ROW
  WHEN (OLD.given_name IS DISTINCT FROM NEW.given_name OR OLD.family_name IS DISTINCT FROM NEW.family_name)
  EXECUTE FUNCTION notify_session_changed();--> statement-breakpoint
CREATE OR REPLACE TRIGGER "persons_deleted" AFTER DELETE ON "persons" FOR EACH ROW EXECUTE FUNCTION notify_session_changed();--> statement-breakpoint
CREATE OR REPLACE TRIGGER "memberships_changed" AFTER INSERT OR UPDATE OR DELETE ON "memberships" FOR EACH ROW EXECUTE FUNCTION notify_session_changed();--> statement-breakpoint
CREATE OR REPLACE TRIGGER "staff_memberships_changed" AFTER INSERT OR UPDATE OR DELETE ON "staff_memberships" FOR EACH ROW EXECUTE FUNCTION notify_session_changed();--> statement-breakpoint
CREATE OR REPLACE TRIGGER "organisations_changed" AFTER UPDATE OR DELETE OR TRUNCATE ON "organisations" FOR EACH STATEMENT EXECUTE FUNCTION notify_session_changed();--> statement-breakpoint
CREATE OR REPLACE TRIGGER "county_boards_changed" AFTER UPDATE OR DELETE OR TRUNCATE ON "county_boards" FOR EACH STATEMENT EXECUTE FUNCTION notify_session_changed();--> statement-breakpoint
CREATE OR REPLACE TRIGGER "sessions_truncated" AFTER TRUNCATE ON "sessions" FOR EACH STATEMENT EXECUTE FUNCTION notify_session_changed();--> statement-breakpoint
CREATE OR REPLACE TRIGGER "persons_truncated" AFTER TRUNCATE ON "persons" FOR EACH STATEMENT EXECUTE FUNCTION notify_session_changed();--> statement-breakpoint
CREATE OR REPLACE TRIGGER "memberships_truncated" AFTER TRUNCATE ON "memberships" FOR EACH STATEMENT EXECUTE FUNCTION notify_session_changed();--> statement-breakpoint
CREATE OR REPLACE TRIGGER "staff_memberships_truncated" AFTER TRUNCATE ON "staff_memberships" FOR EACH STATEMENT EXECUTE FUNCTION notify_session_changed();
