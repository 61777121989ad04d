-- Batch maintenance (R-BULK): each "alter all" is recorded with what it changed per customer,
-- so it can be undone as a whole while none of its customers changed since.

create table bulk_batches (
    tenant_id bigint not null references tenants (id),
    id bigint generated always as identity,
    company_id bigint not null,
    user_id bigint not null,
    user_name text not null,
    applied_at timestamptz not null default now(),
    -- The customer list query (URL) that selected the customers.
    filter text not null,
    -- "Vendedor: 02 - Bruna; Situação: Inativo", as the batch list shows it.
    summary text not null,
    customer_count integer not null default 0,
    undone_at timestamptz,
    undone_by_name text,
    primary key (tenant_id, id),
    foreign key (tenant_id, company_id) references companies (tenant_id, id)
);

create index bulk_batches_recent on bulk_batches (tenant_id, company_id, id desc);

-- One row per customer and field the batch changed: the undo data. Values as text: an entry
-- id or a status code; null for "none".
create table bulk_batch_items (
    tenant_id bigint not null,
    batch_id bigint not null,
    field text not null,
    customer_id bigint not null,
    old_value text,
    new_value text,
    primary key (tenant_id, batch_id, field, customer_id),
    foreign key (tenant_id, batch_id) references bulk_batches (tenant_id, id) on delete cascade
);

-- The version each customer had right after the batch: a different one now means someone
-- changed the customer since, which blocks the undo.
create table bulk_batch_customers (
    tenant_id bigint not null,
    batch_id bigint not null,
    customer_id bigint not null,
    version_after integer not null,
    primary key (tenant_id, batch_id, customer_id),
    foreign key (tenant_id, batch_id) references bulk_batches (tenant_id, id) on delete cascade
);
