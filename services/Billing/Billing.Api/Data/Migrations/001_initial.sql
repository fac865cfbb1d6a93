-- Raw trial and subscription events: the source each workspace's timeline is recomputed from.
CREATE TABLE subscription_events (
    event_id         text PRIMARY KEY,
    workspace_id     text NOT NULL,
    type             text NOT NULL,
    occurred_at      timestamptz NOT NULL,
    plan             text,
    billing_interval text,
    amount           numeric,
    currency         text,
    trial_ends_at    timestamptz
);
CREATE INDEX subscription_events_by_workspace ON subscription_events (workspace_id, occurred_at);

-- The platform's marketing spend (no workspace): the numerator of CAC.
CREATE TABLE marketing_spend (
    event_id    text PRIMARY KEY,
    occurred_at timestamptz NOT NULL,
    amount      numeric NOT NULL,
    currency    text NOT NULL,
    channel     text NOT NULL
);
CREATE INDEX marketing_spend_by_time ON marketing_spend (occurred_at) INCLUDE (amount);

-- One row per workspace with billing events. Its row lock serialises the recomputation of a workspace's
-- timeline between concurrent batches.
CREATE TABLE workspaces (
    workspace_id      text PRIMARY KEY,
    earliest_event_at timestamptz NOT NULL,
    first_paid_at     timestamptz
);
CREATE INDEX workspaces_by_first_paid ON workspaces (first_paid_at) WHERE first_paid_at IS NOT NULL;

-- Each workspace's timeline: its state holds for valid_from < t <= valid_to (valid_to NULL: still holds),
-- because the state at t takes the events with occurred_at < t. monthly_value is the workspace's MRR
-- (0 unless paid); mrr_delta and movement describe the change at valid_from.
CREATE TABLE workspace_states (
    workspace_id  text NOT NULL,
    valid_from    timestamptz NOT NULL,
    valid_to      timestamptz,
    subscribed    boolean NOT NULL,
    plan          text,
    paid          boolean NOT NULL,
    monthly_value numeric(24, 6) NOT NULL,
    trial_ends_at timestamptz,
    mrr_delta     numeric(24, 6) NOT NULL,
    movement      text,
    PRIMARY KEY (workspace_id, valid_from)
);
CREATE INDEX workspace_states_by_start ON workspace_states (valid_from)
    INCLUDE (workspace_id, valid_to, paid, monthly_value, trial_ends_at, mrr_delta, movement);
