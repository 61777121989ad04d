-- R-SELLER-1: each change of a customer's salesperson in a company, with the notes typed.
-- Labels are kept as they were, so a later rename does not rewrite history.

create table salesperson_changes (
    tenant_id bigint not null references tenants (id),
    id bigint generated always as identity,
    company_id bigint not null,
    customer_id bigint not null,
    changed_at timestamptz not null default now(),
    user_id bigint not null,
    user_name text not null,
    old_salesperson_id bigint,
    new_salesperson_id bigint,
    old_salesperson text not null,
    new_salesperson text not null,
    notes text not null,
    primary key (tenant_id, id)
);

create index salesperson_changes_by_customer on salesperson_changes (tenant_id, customer_id, changed_at desc, id desc);
