-- Tamper evidence: each history row carries a hash over its content and the previous row's hash for the
-- same customer, so an altered, removed or inserted row breaks the chain.
ALTER TABLE decision_history ADD COLUMN previous_hash CHAR(64);
ALTER TABLE decision_history ADD COLUMN row_hash CHAR(64);
