-- Scopes the service has heard of (a workspace id, or 'all' for the platform): the timer re-evaluates each of
-- them, so alerts raise and clear as windows slide even when no new events arrive. last_evaluated_at keeps an
-- evaluation that read older signals from overwriting a newer one.
CREATE TABLE known_scopes (
    scope             text PRIMARY KEY,
    first_seen_at     timestamptz NOT NULL DEFAULT now(),
    last_evaluated_at timestamptz
);
INSERT INTO known_scopes (scope) VALUES ('all');

-- Every alert ever raised. severity: 1 low, 2 medium, 3 high, 4 critical (sorts highest first).
CREATE TABLE alerts (
    id              uuid PRIMARY KEY,
    scope           text NOT NULL,
    rule            text NOT NULL,
    severity        smallint NOT NULL,
    message         text NOT NULL,
    triggered_at    timestamptz NOT NULL,
    resolved_at     timestamptz,
    acknowledged_at timestamptz,
    acknowledged_by text
);
-- One active alert per rule and scope, whatever races between evaluations.
CREATE UNIQUE INDEX alerts_one_active_per_rule_and_scope ON alerts (scope, rule) WHERE resolved_at IS NULL;
CREATE INDEX alerts_by_scope ON alerts (scope, triggered_at DESC);

-- Thresholds edited through PUT /api/alerts/rules/{rule}; a rule without a row uses its defaults (in code).
CREATE TABLE rule_settings (
    rule       text PRIMARY KEY,
    parameters jsonb NOT NULL,
    updated_at timestamptz NOT NULL,
    updated_by text NOT NULL
);
