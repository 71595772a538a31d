-- Who in the sales or service organisation acts on a churn alert (ACCOUNT_MANAGER, SERVICE_MANAGER, ...), from the
-- trigger table's OWNER-ROLE column. NULL for alerts opened before and for rules that name no role.
ALTER TABLE churn_alert ADD COLUMN owner_role VARCHAR(40);
