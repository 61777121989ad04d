-- Auxiliary tables (one shape for all five kinds) and the customer's commercial profile in
-- each company (R-COMPANY-1, R-COMPANY-2).

create table lookup_entries (
    tenant_id bigint not null,
    company_id bigint not null,
    id bigint generated always as identity,
    kind text not null
        constraint lookup_entries_kind_check
        check (kind in ('customer_group', 'activity_branch', 'region', 'salesperson', 'category')),
    code text not null,
    description text not null,
    active boolean not null default true,
    primary key (tenant_id, id),
    constraint lookup_entries_code_key unique (tenant_id, company_id, kind, code),
    foreign key (tenant_id, company_id) references companies (tenant_id, id)
);

create table customer_profiles (
    tenant_id bigint not null,
    company_id bigint not null,
    customer_id bigint not null,
    customer_group_id bigint,
    activity_branch_id bigint,
    region_id bigint,
    salesperson_id bigint,
    category_id bigint,
    primary key (tenant_id, company_id, customer_id),
    foreign key (tenant_id, company_id) references companies (tenant_id, id),
    foreign key (tenant_id, customer_id) references customers (tenant_id, id) on delete cascade,
    foreign key (tenant_id, customer_group_id) references lookup_entries (tenant_id, id),
    foreign key (tenant_id, activity_branch_id) references lookup_entries (tenant_id, id),
    foreign key (tenant_id, region_id) references lookup_entries (tenant_id, id),
    foreign key (tenant_id, salesperson_id) references lookup_entries (tenant_id, id),
    foreign key (tenant_id, category_id) references lookup_entries (tenant_id, id)
);

create index customer_profiles_group on customer_profiles (tenant_id, customer_group_id);
create index customer_profiles_branch on customer_profiles (tenant_id, activity_branch_id);
create index customer_profiles_region on customer_profiles (tenant_id, region_id);
create index customer_profiles_salesperson on customer_profiles (tenant_id, salesperson_id);
create index customer_profiles_category on customer_profiles (tenant_id, category_id);
