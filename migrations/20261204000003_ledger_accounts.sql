-- The customer's ledger accounts per company (issue 11, R-SALES-12) and the company's chart
-- settings they are suggested and numbered from.

alter table company_sales_settings
    add column ledger_prefix text,
    add column real_ledger_prefix text,
    add column ledger_code_width smallint not null default 5,
    add column expense_revenue_account text,
    add column doubtful_debt_synthetic text,
    add column doubtful_debt_real_synthetic text,
    add column doubtful_debt_automatic boolean not null default false,
    -- The last doubtful-debt sequence handed out: taken under the row's lock, so no number is
    -- given twice and none is skipped.
    add column doubtful_debt_last integer not null default 0;

create table customer_ledger_accounts (
    tenant_id bigint not null,
    company_id bigint not null,
    customer_id bigint not null,
    ledger_account text,
    real_ledger_account text,
    expense_revenue_account text,
    doubtful_debt_account text,
    doubtful_debt_real_account text,
    doubtful_debt_sequence integer,
    version integer not null default 1,
    updated_at timestamptz not null default now(),
    updated_by_name text,
    primary key (tenant_id, company_id, customer_id),
    foreign key (tenant_id, company_id) references companies (tenant_id, id),
    foreign key (tenant_id, customer_id) references customers (tenant_id, id) on delete cascade,
    -- A sequence belongs to one customer of the company.
    constraint customer_ledger_accounts_sequence_key unique (tenant_id, company_id, doubtful_debt_sequence)
);

create index customer_ledger_accounts_by_customer on customer_ledger_accounts (tenant_id, customer_id);
