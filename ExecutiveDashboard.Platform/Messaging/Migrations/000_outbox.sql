-- Integration events written in the same transaction as the data they describe, published by the
-- outbox dispatcher once committed: a crash between commit and publish loses nothing.
CREATE TABLE IF NOT EXISTS outbox_messages (
    id           bigserial PRIMARY KEY,
    message_type text NOT NULL,
    body         jsonb NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now()
);
