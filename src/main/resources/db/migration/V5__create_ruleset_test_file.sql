-- Rule-test scenarios uploaded with a draft (they replace same-named files of rule-tests/ for that draft).
CREATE TABLE ruleset_test_file (
    ruleset_id BIGINT       NOT NULL,
    file_name  VARCHAR(200) NOT NULL,
    content    LONGBLOB     NOT NULL,
    PRIMARY KEY (ruleset_id, file_name),
    CONSTRAINT fk_ruleset_test_file_version FOREIGN KEY (ruleset_id) REFERENCES ruleset_version (id)
);
