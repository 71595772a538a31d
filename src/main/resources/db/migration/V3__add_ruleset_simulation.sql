-- The impact preview of a ruleset version against the rules in force, as JSON.
ALTER TABLE ruleset_version ADD COLUMN simulation_report MEDIUMTEXT;
