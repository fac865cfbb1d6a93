-- Where an export went: 'download' (GET /api/exports/dashboard, every record before this migration) or 'digest' (the
-- PDF attached to a digest mail). Adding a column with a constant default rewrites no row, so the append-only trigger
-- (which refuses UPDATE) is not involved, and the hash chain stays valid: the canonical JSON names the channel only
-- when it is not 'download' (Audit/AuditChain.cs).
ALTER TABLE export_audit ADD COLUMN channel text NOT NULL DEFAULT 'download' CHECK (channel IN ('download', 'digest'));

-- A person's digests (PUT /api/users/me/digests), at most 10 each. The token's subject, name, role and workspaces are
-- those of the person's latest request to that route: a digest is sent, and its numbers read, with exactly those
-- grants, and not at all once they no longer grant its scope.
CREATE TABLE digest_subscriptions (
    id               uuid PRIMARY KEY,
    subject          text NOT NULL,
    name             text,
    role             text NOT NULL,
    token_workspaces text[] NOT NULL,
    -- When the holder last presented a token to the route: grants older than Digests:GrantsValidFor are not trusted.
    grants_seen_at   timestamptz NOT NULL,
    position         integer NOT NULL,
    scope            text NOT NULL,
    cadence          text NOT NULL CHECK (cadence IN ('daily', 'weekly')),
    weekday          text CHECK (weekday IN ('monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday')),
    local_time       text NOT NULL CHECK (local_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
    time_zone        text NOT NULL,
    email            text NOT NULL,
    -- The next instant it is due, computed in its zone (Digests/DigestTiming.cs); moved on when a send is scheduled.
    next_due_at      timestamptz NOT NULL,
    CHECK ((cadence = 'weekly') = (weekday IS NOT NULL))
);
CREATE INDEX digest_subscriptions_by_subject ON digest_subscriptions (subject, position);
CREATE INDEX digest_subscriptions_by_due ON digest_subscriptions (next_due_at);

-- One row per digest and due instant: the primary key is what makes a digest go out once, whichever replica
-- scheduled it. A replica claims a row by a lease (claimed_until) taken under FOR UPDATE SKIP LOCKED; a replica that
-- dies mid-send leaves the lease to run out, and another takes the row over.
CREATE TABLE digest_sends (
    subscription_id uuid NOT NULL REFERENCES digest_subscriptions (id) ON DELETE CASCADE,
    due_at          timestamptz NOT NULL,
    status          text NOT NULL CHECK (status IN ('pending', 'sent', 'failed', 'skipped')),
    attempts        integer NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    claimed_until   timestamptz,
    reason          text,
    export_id       uuid,
    sent_at         timestamptz,
    PRIMARY KEY (subscription_id, due_at)
);
CREATE INDEX digest_sends_pending ON digest_sends (next_attempt_at) WHERE status = 'pending';
