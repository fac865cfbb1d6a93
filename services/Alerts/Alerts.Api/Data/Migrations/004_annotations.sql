-- Notes on the timeline (POST /api/annotations): why a line moved. scope is a workspace id or 'all' (platform-wide notes,
-- shown on every workspace's charts). The checks repeat the API's rules (Annotations/AnnotationRequest.cs) as a guard.
CREATE TABLE annotations (
    id         uuid PRIMARY KEY,
    at         timestamptz NOT NULL,
    scope      text NOT NULL CHECK (char_length(scope) BETWEEN 1 AND 128),
    kind       text NOT NULL CHECK (kind IN ('deploy', 'incident', 'campaign', 'note')),
    text       text NOT NULL CHECK (char_length(text) BETWEEN 1 AND 500),
    created_by text NOT NULL,
    created_at timestamptz NOT NULL
);
-- The overview reads a scope's (and the platform's) annotations of a period.
CREATE INDEX annotations_by_scope_and_time ON annotations (scope, at);
