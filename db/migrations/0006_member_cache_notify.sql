-- Custom migration: every change to who a member is or which roles they hold is announced on the
-- channel huzhu_members, with the member's id as payload ('*' for a TRUNCATE, which names no
-- row). Each server process keeps the members behind its log-in tokens in memory (an
-- authenticated request would otherwise spend one of its two or three round trips on them) and
-- drops an entry when it hears of it. NOTIFY is delivered at commit, so a rolled-back change is
-- never announced, and every process on the database hears it, whoever made the change: a
-- server, a script, an operator in psql.
CREATE FUNCTION huzhu_member_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_LEVEL = 'STATEMENT' THEN
    PERFORM pg_notify('huzhu_members', '*');
    RETURN NULL;
  END IF;
  IF TG_TABLE_NAME = 'members' THEN
    IF TG_OP <> 'INSERT' THEN PERFORM pg_notify('huzhu_members', OLD.id::text); END IF;
    IF TG_OP <> 'DELETE' THEN PERFORM pg_notify('huzhu_members', NEW.id::text); END IF;
  ELSE
    IF TG_OP <> 'INSERT' THEN PERFORM pg_notify('huzhu_members', OLD.member_id::text); END IF;
    IF TG_OP <> 'DELETE' THEN PERFORM pg_notify('huzhu_members', NEW.member_id::text); END IF;
  END IF;
  RETURN NULL;
END
$$;--> statement-breakpoint

-- A new member is in no process's memory yet, so inserting one announces nothing; their roles,
-- inserted with them or later, do.
CREATE TRIGGER members_changed AFTER UPDATE OR DELETE ON members
  FOR EACH ROW EXECUTE FUNCTION huzhu_member_changed();--> statement-breakpoint
CREATE TRIGGER members_truncated AFTER TRUNCATE ON members
  FOR EACH STATEMENT EXECUTE FUNCTION huzhu_member_changed();--> statement-breakpoint
CREATE TRIGGER memberships_changed AFTER INSERT OR UPDATE OR DELETE ON memberships
  FOR EACH ROW EXECUTE FUNCTION huzhu_member_changed();--> statement-breakpoint
CREATE TRIGGER memberships_truncated AFTER TRUNCATE ON memberships
  FOR EACH STATEMENT EXECUTE FUNCTION huzhu_member_changed();
