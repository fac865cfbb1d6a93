-- Who acknowledged an alert as people read it (the token's name, else its subject); acknowledged_by keeps the subject.
-- 256 is EventFields.MaxTextLength, which the service holds both claims to (Model/Actor.cs): the check only guards it.
-- Acknowledgements made before this column existed kept the subject alone, which is what the name falls back to.
ALTER TABLE alerts ADD COLUMN acknowledged_by_name text CHECK (char_length(acknowledged_by_name) <= 256);
UPDATE alerts SET acknowledged_by_name = left(acknowledged_by, 256) WHERE acknowledged_by IS NOT NULL;
