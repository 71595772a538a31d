-- The customer attributes an operations manager declares in the rules (rules/customer-attributes.xlsx, issue 17):
-- one row per customer and attribute that has a value. A value is kept as text with the type it was checked as
-- (INTEGER, DECIMAL, TEXT, YES_NO, DATE), so it reads back as the same value whatever the declarations say later; a
-- declaration removed from the rules leaves its values here. Names differ in more than capitals (the declarations
-- see to it), so the key holds on a case-insensitive collation too.
CREATE TABLE customer_attribute (
    customer_id VARCHAR(64)  NOT NULL,
    name        VARCHAR(40)  NOT NULL,
    value_type  VARCHAR(10)  NOT NULL,
    value_text  VARCHAR(200) NOT NULL,
    updated_at  DATETIME(3)  NOT NULL,
    PRIMARY KEY (customer_id, name),
    CONSTRAINT fk_customer_attribute_customer FOREIGN KEY (customer_id) REFERENCES customer (customer_id)
);
-- The customers list filters by an attribute's value.
CREATE INDEX ix_customer_attribute_value ON customer_attribute (name, value_text);
