-- Addresses by role (R-CUST-5), monthly income, and list indexes that lead with the company:
-- the list's profile filters always read one company's profiles.

alter table customers add column monthly_income numeric(15, 2)
    constraint customers_monthly_income_check check (monthly_income >= 0);

create table customer_addresses (
    tenant_id bigint not null,
    id bigint generated always as identity,
    customer_id bigint not null,
    role text not null
        constraint customer_addresses_role_check
        check (role in ('main', 'billing', 'delivery', 'invoicing', 'consumption')),
    preferred boolean not null default false,
    cep text not null constraint customer_addresses_cep_check check (cep ~ '^[0-9]{8}$'),
    street text not null,
    number text not null,
    complement text,
    district text not null,
    city_id bigint not null references cities (id),
    version integer not null default 1,
    updated_at timestamptz not null default now(),
    updated_by_name text not null,
    primary key (tenant_id, id),
    foreign key (tenant_id, customer_id) references customers (tenant_id, id) on delete cascade
);

create index customer_addresses_by_customer on customer_addresses (tenant_id, customer_id, role);
-- One preferred address per role: the database refuses a second even if code forgets.
create unique index customer_addresses_one_preferred
    on customer_addresses (tenant_id, customer_id, role) where preferred;

drop index customer_profiles_group;
drop index customer_profiles_branch;
drop index customer_profiles_region;
drop index customer_profiles_salesperson;
drop index customer_profiles_category;
create index customer_profiles_group on customer_profiles (tenant_id, company_id, customer_group_id, customer_id);
create index customer_profiles_branch on customer_profiles (tenant_id, company_id, activity_branch_id, customer_id);
create index customer_profiles_region on customer_profiles (tenant_id, company_id, region_id, customer_id);
create index customer_profiles_salesperson on customer_profiles (tenant_id, company_id, salesperson_id, customer_id);
create index customer_profiles_category on customer_profiles (tenant_id, company_id, category_id, customer_id);
