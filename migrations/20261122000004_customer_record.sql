-- The rest of the identity record, who saved it last (for the stale-edit message), and the
-- audit trail. History rows outlive the customer: no foreign key to customers.

alter table customers
    add column state_registration text,
    add column email text,
    add column phone text,
    add column valid_until date,
    add column updated_by_name text;

create table customer_changes (
    tenant_id bigint not null references tenants (id),
    id bigint generated always as identity,
    customer_id bigint not null,
    company_id bigint not null,
    changed_at timestamptz not null default now(),
    user_id bigint not null,
    user_name text not null,
    field text not null,
    old_value text not null,
    new_value text not null,
    primary key (tenant_id, id)
);

create index customer_changes_by_customer on customer_changes (tenant_id, customer_id, changed_at desc, id desc);
