-- Each person's time zone (an IANA id) and first day of the week, keyed by the token's subject (sub), as card_layouts is:
-- the page reads every chart, label and export in them.
CREATE TABLE user_preferences (
    subject    text PRIMARY KEY,
    time_zone  text NOT NULL,
    week_start text NOT NULL,
    updated_at timestamptz NOT NULL
);
