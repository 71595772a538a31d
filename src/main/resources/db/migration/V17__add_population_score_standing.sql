-- Where each customer stands in its run's population (PRODUCT.md §5): the buyers strictly worse on recency,
-- frequency and monetary value, and the revenue of the customers with strictly higher revenue. The scores and
-- the Pareto share follow from these in Java, by the same formulas single evaluations between runs use, so the
-- stored scores and the 10-decimal share go. Rows of earlier runs keep their values (last order, orders,
-- revenue), from which single evaluations still place a customer; their new columns stay NULL.
ALTER TABLE population_score ADD COLUMN r_worse INT;
ALTER TABLE population_score ADD COLUMN f_worse INT;
ALTER TABLE population_score ADD COLUMN m_worse INT;
ALTER TABLE population_score ADD COLUMN revenue_above DECIMAL(24,2);
ALTER TABLE population_score DROP COLUMN r_score;
ALTER TABLE population_score DROP COLUMN f_score;
ALTER TABLE population_score DROP COLUMN m_score;
ALTER TABLE population_score DROP COLUMN pareto_share;
