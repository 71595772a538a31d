-- Why a ruleset version was rejected (or what its checks found): findings and failing rule tests, as JSON.
ALTER TABLE ruleset_version ADD COLUMN validation_report MEDIUMTEXT;
ALTER TABLE ruleset_version ADD COLUMN test_report MEDIUMTEXT;
