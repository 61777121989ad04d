-- Price lists and payment plans (issue 11): code + description rows of lookup_entries, with
-- terms of their own, and the sets of them a customer holds in each company (R-SALES-4/5).

alter table lookup_entries drop constraint lookup_entries_kind_check;
alter table lookup_entries add constraint lookup_entries_kind_check check (kind in (
    'customer_group', 'activity_branch', 'region', 'salesperson', 'category',
    'billing_type', 'currency', 'bearer', 'freight_table', 'incoterm',
    'commission_table', 'financial_class', 'insurance', 'charge_message', 'invoice_message',
    'price_list', 'payment_plan'));

create table price_list_terms (
    tenant_id bigint not null,
    entry_id bigint not null,
    public boolean not null default false,
    valid_from date,
    valid_to date,
    primary key (tenant_id, entry_id),
    foreign key (tenant_id, entry_id) references lookup_entries (tenant_id, id) on delete cascade,
    constraint price_list_terms_validity check (valid_to >= valid_from)
);

create table payment_plan_terms (
    tenant_id bigint not null,
    entry_id bigint not null,
    valid_from date,
    valid_to date,
    installment_days smallint[] not null,
    minimum_order_value numeric(15, 2) check (minimum_order_value >= 0),
    uses_credit boolean not null default false,
    all_customers boolean not null default true,
    primary key (tenant_id, entry_id),
    foreign key (tenant_id, entry_id) references lookup_entries (tenant_id, id) on delete cascade,
    constraint payment_plan_terms_validity check (valid_to >= valid_from),
    constraint payment_plan_terms_installments check (cardinality(installment_days) between 1 and 48)
);

-- R-SALES-5: concepts whose holders may not use a plan. Concepts arrive with a later issue;
-- the link is ready for them.
create table payment_plan_excluded_concepts (
    tenant_id bigint not null,
    plan_id bigint not null,
    concept_id bigint not null,
    primary key (tenant_id, plan_id, concept_id),
    foreign key (tenant_id, plan_id) references lookup_entries (tenant_id, id) on delete cascade
);

-- The customer's own lists and plans in a company. An entry in use cannot be deleted (no
-- cascade from lookup_entries); a customer deleted takes its links along.
create table customer_price_lists (
    tenant_id bigint not null,
    company_id bigint not null,
    customer_id bigint not null,
    price_list_id bigint not null,
    primary key (tenant_id, company_id, customer_id, price_list_id),
    foreign key (tenant_id, company_id) references companies (tenant_id, id),
    foreign key (tenant_id, customer_id) references customers (tenant_id, id) on delete cascade,
    foreign key (tenant_id, price_list_id) references lookup_entries (tenant_id, id)
);
-- "Linked to this list", "is one of", "is none of" (R-BULK-2) and "in use" start from the list.
create index customer_price_lists_by_list
    on customer_price_lists (tenant_id, price_list_id, company_id, customer_id);

create table customer_payment_plans (
    tenant_id bigint not null,
    company_id bigint not null,
    customer_id bigint not null,
    payment_plan_id bigint not null,
    primary key (tenant_id, company_id, customer_id, payment_plan_id),
    foreign key (tenant_id, company_id) references companies (tenant_id, id),
    foreign key (tenant_id, customer_id) references customers (tenant_id, id) on delete cascade,
    foreign key (tenant_id, payment_plan_id) references lookup_entries (tenant_id, id)
);
create index customer_payment_plans_by_plan
    on customer_payment_plans (tenant_id, payment_plan_id, company_id, customer_id);

-- R-SALES-1: the price list and payment plan a new customer starts with.
alter table company_sales_settings
    add column price_list_id bigint,
    add column payment_plan_id bigint;
alter table company_sales_settings add foreign key (tenant_id, price_list_id) references lookup_entries (tenant_id, id);
alter table company_sales_settings add foreign key (tenant_id, payment_plan_id) references lookup_entries (tenant_id, id);
