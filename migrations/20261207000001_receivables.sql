-- Receivables, the customer's credits (advances, sales-return credits) and settlements
-- (issue 12). Per company (R-COMPANY-3), money NUMERIC. A receivable's status is never stored:
-- rules::finance::status derives it from the facts kept here and today ("overdue" happens when
-- the due date passes).

create table receivables (
    tenant_id bigint not null,
    id bigint generated always as identity,
    company_id bigint not null,
    customer_id bigint not null,
    -- "NF 12345" and its installment: NF 12345/2.
    document text not null constraint receivables_document_check check (length(document) between 1 and 30),
    installment integer not null default 1 constraint receivables_installment_check check (installment between 1 and 999),
    kind text not null constraint receivables_kind_check
        check (kind in ('invoice', 'negotiation', 'returned_cheque', 'other')),
    issue_date date not null,
    due_date date not null,
    amount numeric(15, 2) not null constraint receivables_amount_check check (amount > 0),
    -- What is left of the principal after settlements; 0 once received.
    balance numeric(15, 2) not null,
    sale_code text,
    bearer_id bigint,
    sent_to_credit_bureau boolean not null default false,
    in_collection boolean not null default false,
    cancelled_at timestamptz,
    cancelled_by_name text,
    cancel_reason text,
    created_at timestamptz not null default now(),
    created_by_name text,
    version integer not null default 1,
    primary key (tenant_id, id),
    unique (tenant_id, company_id, document, installment),
    constraint receivables_balance_check check (balance >= 0 and balance <= amount),
    constraint receivables_cancel_check check ((cancelled_at is null) = (cancel_reason is null)),
    foreign key (tenant_id, company_id) references companies (tenant_id, id),
    foreign key (tenant_id, customer_id) references customers (tenant_id, id),
    foreign key (tenant_id, bearer_id) references lookup_entries (tenant_id, id)
);

-- What a customer owes in a company (R-CREDIT-2, the record's figures, the credit column):
-- only receivables still owed, so a customer's paid-off years cost nothing.
create index receivables_outstanding on receivables (tenant_id, company_id, customer_id)
    include (due_date, balance)
    where cancelled_at is null and balance > 0;
-- The customer's whole history in a company (R-HIST-1), newest due first.
create index receivables_customer on receivables (tenant_id, customer_id, company_id, due_date desc, id desc);
-- The receivables screen's pages: by due date within a company.
create index receivables_due on receivables (tenant_id, company_id, due_date, id);

-- What the company owes the customer and counts as credit (R-CREDIT-2): advances (R-ADV-2) and
-- sales-return credits. The balance is what is left to use.
create table customer_credits (
    tenant_id bigint not null,
    id bigint generated always as identity,
    company_id bigint not null,
    customer_id bigint not null,
    kind text not null constraint customer_credits_kind_check check (kind in ('advance', 'sales_return')),
    credit_date date not null,
    amount numeric(15, 2) not null constraint customer_credits_amount_check check (amount > 0),
    balance numeric(15, 2) not null,
    means text,
    bearer_id bigint,
    notes text not null default '',
    created_at timestamptz not null default now(),
    created_by_name text,
    version integer not null default 1,
    primary key (tenant_id, id),
    constraint customer_credits_balance_check check (balance >= 0 and balance <= amount),
    foreign key (tenant_id, company_id) references companies (tenant_id, id),
    foreign key (tenant_id, customer_id) references customers (tenant_id, id),
    foreign key (tenant_id, bearer_id) references lookup_entries (tenant_id, id)
);

create index customer_credits_open on customer_credits (tenant_id, company_id, customer_id)
    include (balance)
    where balance > 0;

-- Settlements (baixas): full or partial; a reversal keeps the row and marks it.
create table receivable_settlements (
    tenant_id bigint not null,
    id bigint generated always as identity,
    receivable_id bigint not null,
    paid_on date not null,
    principal numeric(15, 2) not null constraint receivable_settlements_principal_check check (principal > 0),
    interest numeric(15, 2) not null default 0 constraint receivable_settlements_interest_check check (interest >= 0),
    late_fee numeric(15, 2) not null default 0 constraint receivable_settlements_late_fee_check check (late_fee >= 0),
    discount numeric(15, 2) not null default 0 constraint receivable_settlements_discount_check check (discount >= 0),
    means text not null constraint receivable_settlements_means_check
        check (means in ('cash', 'pix', 'bank', 'advance', 'sales_return')),
    -- The credit that paid it, when the means is an advance or a sales-return credit.
    credit_id bigint,
    created_at timestamptz not null default now(),
    created_by_name text,
    reversed_at timestamptz,
    reversed_by_name text,
    primary key (tenant_id, id),
    constraint receivable_settlements_credit_check check ((credit_id is not null) = (means in ('advance', 'sales_return'))),
    foreign key (tenant_id, receivable_id) references receivables (tenant_id, id),
    foreign key (tenant_id, credit_id) references customer_credits (tenant_id, id)
);

create index receivable_settlements_receivable on receivable_settlements (tenant_id, receivable_id);
create index receivable_settlements_credit on receivable_settlements (tenant_id, credit_id) where credit_id is not null;

-- R-PERM: the financial steps of issue 12, each a permission of its own. Profiles that may
-- alter credit limits are the financial ones: they get them.
insert into profile_permissions (tenant_id, profile_id, permission)
select pp.tenant_id, pp.profile_id, p.code
from profile_permissions pp
cross join (values ('finance.settle'), ('finance.cancel'), ('finance.advance'), ('finance.refund')) as p (code)
where pp.permission = 'customer.credit_limit'
on conflict do nothing;
