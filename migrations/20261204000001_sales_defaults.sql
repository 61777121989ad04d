-- Sales defaults (issue 11): what a company sets for its customers, and each customer's
-- "Padrão para vendas" in each company (R-COMPANY-1). Values are checked by rules::sales;
-- percentages are % (2,5 = 2.5 %), daily interest with four decimals.

create table company_sales_settings (
    tenant_id bigint not null,
    company_id bigint not null,
    -- Empty: no pre-approved limit; a customer without one of their own has unlimited credit.
    pre_approved_credit_limit numeric(15, 2),
    daily_interest numeric(8, 4),
    late_fee numeric(5, 2),
    max_discount numeric(5, 2),
    credit_use text not null default 'optional',
    credit_order text not null default 'ascending',
    version integer not null default 1,
    updated_at timestamptz not null default now(),
    updated_by_name text,
    primary key (tenant_id, company_id),
    foreign key (tenant_id, company_id) references companies (tenant_id, id) on delete cascade
);

-- Every company has its settings row, so readers never guess a default.
insert into company_sales_settings (tenant_id, company_id) select tenant_id, id from companies;

create function company_sales_settings_for_new_company() returns trigger
language plpgsql as $$
begin
    insert into company_sales_settings (tenant_id, company_id) values (new.tenant_id, new.id);
    return null;
end $$;

create trigger company_sales_settings_for_new_company after insert on companies
    for each row execute function company_sales_settings_for_new_company();

-- No row: the customer was never used in that company, and reads as the company's defaults
-- (R-SALES-1) until the first save writes it.
create table customer_sales_defaults (
    tenant_id bigint not null,
    company_id bigint not null,
    customer_id bigint not null,
    credit_limit numeric(15, 2),
    daily_interest numeric(8, 4),
    late_fee_source text not null default 'company',
    late_fee numeric(5, 2),
    discount numeric(5, 2),
    allows_discount boolean not null default true,
    max_discount numeric(5, 2),
    allows_conditional_discount boolean not null default false,
    conditional_discount_days integer,
    conditional_discount numeric(5, 2),
    credit_use text,
    credit_order text,
    purpose text,
    delivery_block text not null default 'none',
    uses_only_own_price_lists boolean not null default false,
    uses_only_own_plans boolean not null default false,
    payment_plan_per_product boolean not null default false,
    prints_boleto_on_invoice boolean not null default false,
    requires_prepayment boolean not null default false,
    suggested_lot text not null default 'none',
    email_attachments text not null default 'default',
    email_lot_pdf text not null default 'default',
    email_boleto_pdf text not null default 'default',
    email_document_pdf text not null default 'default',
    email_document_xml text not null default 'default',
    -- The tab's own stale-edit check: saving it does not make an open identity form stale.
    version integer not null default 1,
    updated_at timestamptz not null default now(),
    updated_by_name text,
    primary key (tenant_id, company_id, customer_id),
    foreign key (tenant_id, company_id) references companies (tenant_id, id),
    foreign key (tenant_id, customer_id) references customers (tenant_id, id) on delete cascade
);

-- Deleting a customer cascades here; finding their rows goes by customer.
create index customer_sales_defaults_by_customer on customer_sales_defaults (tenant_id, customer_id);

insert into profile_permissions (tenant_id, profile_id, permission)
select tenant_id, profile_id, 'company.settings' from profile_permissions
where permission = 'customer.bulk_update'
on conflict do nothing;
