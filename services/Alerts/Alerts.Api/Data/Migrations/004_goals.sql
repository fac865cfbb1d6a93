-- Goals: a target on one metric of a scope by a date (POST /api/goals), with its latest evaluation. One goal per metric
-- and scope, so that a metric's card shows one. baseline is the metric's value at the first evaluation after the goal
-- was set (or its metric changed): null until then.
CREATE TABLE goals (
    id           uuid PRIMARY KEY,
    scope        text NOT NULL,
    metric       text NOT NULL,
    target       numeric NOT NULL,
    target_date  date NOT NULL,
    created_at   timestamptz NOT NULL,
    created_by   text NOT NULL,
    updated_at   timestamptz NOT NULL,
    baseline     numeric,
    current      numeric,
    projected    numeric,
    progress     double precision,
    status       text,
    evaluated_at timestamptz,
    UNIQUE (scope, metric)
);
