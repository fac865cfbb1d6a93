-- When the scope's numbers last changed (its last MetricsChanged): the timer leaves alone a scope whose rule windows
-- can hold nothing new. Scopes known before this column existed count as changed now.
ALTER TABLE known_scopes ADD COLUMN last_changed_at timestamptz NOT NULL DEFAULT now();
