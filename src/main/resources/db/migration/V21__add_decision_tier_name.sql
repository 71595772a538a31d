-- Tiers come from each ruleset version's tier catalog (rules/tier-catalog.xlsx, issue 16): a decision and its
-- history row keep the name their tier had when they were decided, so renaming a tier leaves history as it was.
-- Rows decided before the catalog existed get the names the shipped tiers had then.
ALTER TABLE current_decision ADD COLUMN tier_name VARCHAR(60);
ALTER TABLE decision_history ADD COLUMN tier_name VARCHAR(60);

UPDATE current_decision SET tier_name = CASE tier WHEN 'A' THEN 'Strategic' WHEN 'B' THEN 'Key'
    WHEN 'C' THEN 'Standard' WHEN 'D' THEN 'Basic' ELSE tier END;
UPDATE decision_history SET tier_name = CASE tier WHEN 'A' THEN 'Strategic' WHEN 'B' THEN 'Key'
    WHEN 'C' THEN 'Standard' WHEN 'D' THEN 'Basic' ELSE tier END;

-- A catalog's codes have up to 16 characters (A, GOLD, KEY_ACCOUNT_2): every column holding a tier code takes them.
ALTER TABLE current_decision MODIFY COLUMN tier VARCHAR(16) NOT NULL;
ALTER TABLE current_decision MODIFY COLUMN qualified_tier VARCHAR(16) NOT NULL;
ALTER TABLE current_decision MODIFY COLUMN rules_tier VARCHAR(16);
ALTER TABLE decision_history MODIFY COLUMN tier VARCHAR(16) NOT NULL;
ALTER TABLE manual_override MODIFY COLUMN tier VARCHAR(16) NOT NULL;
ALTER TABLE evaluation_run_tier MODIFY COLUMN tier VARCHAR(16) NOT NULL;
ALTER TABLE shadow_difference MODIFY COLUMN active_tier VARCHAR(16) NOT NULL;
ALTER TABLE shadow_difference MODIFY COLUMN shadow_tier VARCHAR(16) NOT NULL;
