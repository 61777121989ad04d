-- Tenants, companies, profiles, users and sessions.
-- Every tenant-owned table carries tenant_id first in its primary key and indexes.

create table tenants (
    id bigint generated always as identity primary key,
    name text not null,
    created_at timestamptz not null default now()
);

create table companies (
    tenant_id bigint not null references tenants (id),
    id bigint generated always as identity,
    code integer not null,
    legal_name text not null,
    trade_name text not null,
    cnpj text not null,
    city_identification text not null,
    created_at timestamptz not null default now(),
    primary key (tenant_id, id),
    constraint companies_code_key unique (tenant_id, code),
    constraint companies_cnpj_key unique (tenant_id, cnpj)
);

create table profiles (
    tenant_id bigint not null references tenants (id),
    id bigint generated always as identity,
    name text not null,
    primary key (tenant_id, id),
    constraint profiles_name_key unique (tenant_id, name)
);

create table profile_permissions (
    tenant_id bigint not null,
    profile_id bigint not null,
    permission text not null,
    primary key (tenant_id, profile_id, permission),
    foreign key (tenant_id, profile_id) references profiles (tenant_id, id) on delete cascade
);

create table users (
    tenant_id bigint not null references tenants (id),
    id bigint generated always as identity,
    email text not null,
    name text not null,
    password_hash text not null,
    profile_id bigint not null,
    active boolean not null default true,
    created_at timestamptz not null default now(),
    primary key (tenant_id, id),
    foreign key (tenant_id, profile_id) references profiles (tenant_id, id)
);

-- The one lookup made before the tenant is known: a sign-in e-mail names its tenant,
-- so an e-mail belongs to one user across all tenants.
create unique index users_email_key on users (lower(email));

create table user_companies (
    tenant_id bigint not null,
    user_id bigint not null,
    company_id bigint not null,
    primary key (tenant_id, user_id, company_id),
    foreign key (tenant_id, user_id) references users (tenant_id, id) on delete cascade,
    foreign key (tenant_id, company_id) references companies (tenant_id, id) on delete cascade
);

-- Server-side sessions. The cookie holds "<tenant_id>.<token>"; only the token's SHA-256 is
-- stored, so a copy of this table cannot be replayed as a cookie.
create table sessions (
    tenant_id bigint not null,
    token_hash bytea not null,
    user_id bigint not null,
    company_id bigint not null,
    created_at timestamptz not null default now(),
    expires_at timestamptz not null,
    primary key (tenant_id, token_hash),
    foreign key (tenant_id, user_id) references users (tenant_id, id) on delete cascade,
    foreign key (tenant_id, company_id) references companies (tenant_id, id) on delete cascade
);

create index sessions_expiry_idx on sessions (tenant_id, expires_at);

-- Failed sign-ins per client address, read to slow down password guessing.
-- Not tenant-owned: the tenant is unknown until a sign-in succeeds.
create table sign_in_failures (
    address text not null,
    failed_at timestamptz not null default now()
);

create index sign_in_failures_address_idx on sign_in_failures (address, failed_at);

-- IBGE municipalities and, later, foreign cities (R-CUST-4). Shared by every tenant.
create table cities (
    id bigint generated always as identity primary key,
    ibge_code integer unique,
    identification text not null,
    name text not null,
    state_code text not null,
    state_name text not null,
    country text not null default 'BRASIL',
    constraint cities_identification_key unique (identification)
);
