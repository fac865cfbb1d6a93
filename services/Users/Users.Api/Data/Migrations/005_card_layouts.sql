-- Each person's arrangement of the dashboard's metric cards, keyed by the token's subject (sub). The cards are
-- kept as the page sent them, unknown ids included: a newer page may know cards this service has never heard of.
CREATE TABLE card_layouts (
    subject    text PRIMARY KEY,
    cards      jsonb NOT NULL,
    updated_at timestamptz NOT NULL
);
