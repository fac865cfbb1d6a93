-- Raw runs, kept for audit and replay. Reads touch them only for the sub-minute/sub-hour edges of a period.
CREATE TABLE runs (
    event_id        text PRIMARY KEY,
    run_id          text NOT NULL,
    workspace_id    text NOT NULL,
    agent_id        text NOT NULL,
    user_id         text NOT NULL,
    succeeded       boolean NOT NULL,
    started_at      timestamptz NOT NULL,
    completed_at    timestamptz NOT NULL,
    runtime_seconds double precision NOT NULL,
    credits         numeric(20, 6) NOT NULL,
    error_code      text
);
CREATE INDEX runs_by_completion ON runs (completed_at);
CREATE INDEX runs_by_workspace_completion ON runs (workspace_id, completed_at);

CREATE TABLE agent_events (
    event_id     text PRIMARY KEY,
    workspace_id text NOT NULL,
    agent_id     text NOT NULL,
    agent_name   text NOT NULL,
    occurred_at  timestamptz NOT NULL
);

-- Agents known by a time (first_seen_at < t), with their latest name by event time.
CREATE TABLE agents (
    workspace_id  text NOT NULL,
    agent_id      text NOT NULL,
    first_seen_at timestamptz NOT NULL,
    name          text,
    named_at      timestamptz,
    PRIMARY KEY (workspace_id, agent_id)
);

-- Rollups, maintained in the ingest transaction. grain: 'd' day, 'h' hour, 'm' minute (run_stats of the platform only).
-- scope is a workspace id or '*' (the platform).
CREATE TABLE run_stats (
    scope        text NOT NULL,
    grain        text NOT NULL,
    bucket_start timestamptz NOT NULL,
    runs         bigint NOT NULL,
    succeeded    bigint NOT NULL,
    runtime_sum  double precision NOT NULL,
    credits      numeric(24, 6) NOT NULL,
    PRIMARY KEY (scope, grain, bucket_start)
);

CREATE TABLE runtime_histogram (
    scope        text NOT NULL,
    grain        text NOT NULL,
    bucket_start timestamptz NOT NULL,
    bin          integer NOT NULL,
    runs         bigint NOT NULL,
    PRIMARY KEY (scope, grain, bucket_start, bin)
);

CREATE TABLE agent_stats (
    workspace_id text NOT NULL,
    agent_id     text NOT NULL,
    grain        text NOT NULL,
    bucket_start timestamptz NOT NULL,
    runs         bigint NOT NULL,
    succeeded    bigint NOT NULL,
    runtime_sum  double precision NOT NULL,
    PRIMARY KEY (workspace_id, grain, bucket_start, agent_id)
);
CREATE INDEX agent_stats_platform ON agent_stats (grain, bucket_start);

CREATE TABLE user_stats (
    workspace_id      text NOT NULL,
    user_id           text NOT NULL,
    grain             text NOT NULL,
    bucket_start      timestamptz NOT NULL,
    runs              bigint NOT NULL,
    credits           numeric(24, 6) NOT NULL,
    last_completed_at timestamptz NOT NULL,
    PRIMARY KEY (workspace_id, grain, bucket_start, user_id)
);
CREATE INDEX user_stats_platform ON user_stats (grain, bucket_start);
