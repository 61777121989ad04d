-- Undoing a batch hands its customers' versions back to the batch before it; that lookup goes
-- by customer, which the primary key (tenant_id, batch_id, customer_id) cannot serve.
create index bulk_batch_customers_by_customer
    on bulk_batch_customers (tenant_id, customer_id, version_after);
