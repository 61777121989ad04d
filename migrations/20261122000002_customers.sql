-- The customer's identity, shared by all companies of the tenant (R-COMPANY-1).
-- The registry issue adds addresses, contacts and the per-company commercial profile.

create table customers (
    tenant_id bigint not null references tenants (id),
    id bigint generated always as identity,
    code bigint not null,
    kind text not null constraint customers_kind_check check (kind in ('individual', 'legal_entity')),
    document text not null,
    legal_name text not null,
    trade_name text not null,
    status text not null default 'active'
        constraint customers_status_check check (status in ('active', 'inactive', 'pending')),
    city_id bigint references cities (id),
    version integer not null default 1,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    primary key (tenant_id, id),
    constraint customers_code_key unique (tenant_id, code),
    constraint customers_document_key unique (tenant_id, document)
);
