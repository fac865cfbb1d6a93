-- Every export request, whatever its outcome, in the order it was appended (seq: the hash chain's order). Each record's
-- hash is SHA-256 of the previous record's hash and its own canonical JSON (Audit/AuditChain.cs), so a record changed
-- after the fact no longer matches, whoever changed it.
CREATE TABLE export_audit (
    seq              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id               uuid NOT NULL UNIQUE,
    at               timestamptz NOT NULL,
    subject          text,
    name             text,
    role             text,
    token_workspaces text[] NOT NULL,
    scope            text,
    timeframe        text,
    as_of            timestamptz,
    format           text,
    outcome          text NOT NULL,
    status           integer NOT NULL,
    bytes            bigint,
    sha256           text,
    duration_ms      bigint NOT NULL,
    client_address   text,
    user_agent       text,
    hash             text NOT NULL CHECK (hash ~ '^[0-9a-f]{64}$')
);
-- The listing (GET /api/exports/audit) is newest first by seq, filtered by time, subject, outcome or scope.
CREATE INDEX export_audit_by_at ON export_audit (at DESC, seq DESC);
CREATE INDEX export_audit_by_subject ON export_audit (subject, seq DESC);
CREATE INDEX export_audit_by_outcome ON export_audit (outcome, seq DESC);
CREATE INDEX export_audit_by_scope ON export_audit (scope, seq DESC);

-- Append-only: the database itself refuses to change or remove a record, whatever the code above it does. Per statement,
-- so that even an UPDATE or DELETE that matches nothing is refused. The table's owner could still disable the trigger;
-- what it changed would then no longer verify (the hash chain).
CREATE FUNCTION export_audit_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'export_audit is append-only: % is refused', TG_OP
        USING ERRCODE = 'insufficient_privilege', HINT = 'Audit records are never changed or removed.';
END
$$;
CREATE TRIGGER export_audit_append_only
    BEFORE UPDATE OR DELETE OR TRUNCATE ON export_audit
    FOR EACH STATEMENT EXECUTE FUNCTION export_audit_refuse_change();
