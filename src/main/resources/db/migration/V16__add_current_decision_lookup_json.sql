-- The answer to a tier lookup (tier, service plan, churn signals, override) as its own small JSON, so that a
-- lookup neither reads nor parses decision_json, which also carries the facts and the explanation (about 5 KB).
-- NULL on rows recorded before this migration until the customer's next evaluation; lookups of those rows
-- derive the answer from decision_json as before.
ALTER TABLE current_decision ADD COLUMN lookup_json TEXT;
