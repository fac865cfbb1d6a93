-- Ingest now keeps amounts to the millionth (Bounds.Decimals). Marketing spend is summed over periods and read back as a
-- decimal, and a sum of a long fraction and a large amount has more digits than a decimal holds: round what an earlier
-- version stored, as the new ingest would have. Subscription amounts are read one by one (and their monthly values were
-- always kept to 6 decimals), so they stay as sent.
-- The sums here are all computed by queries in unconstrained numeric, and workspace_states holds one workspace's monthly
-- value (at most Bounds.MaxAmount) and its change, never a sum over events: numeric(24, 6) cannot overflow.
UPDATE marketing_spend SET amount = round(amount, 6) WHERE scale(amount) > 6;
