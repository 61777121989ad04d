-- R-ADV-1: a company works with customer advances or not, with the history codes of an advance
-- entry and of a refund. R-ADV-2: refunds of an advance, each with its date, means and reason
-- (the advance's entry is its customer_credits row; what it paid, receivable_settlements).
alter table company_sales_settings
    add column advances_enabled boolean not null default false,
    add column advance_entry_history_code text,
    add column advance_refund_history_code text;

create table customer_credit_refunds (
    tenant_id bigint not null,
    id bigint generated always as identity,
    credit_id bigint not null,
    refunded_on date not null,
    amount numeric(15, 2) not null constraint customer_credit_refunds_amount_check check (amount > 0),
    means text not null constraint customer_credit_refunds_means_check check (means in ('cash', 'pix', 'bank')),
    reason text not null constraint customer_credit_refunds_reason_check check (length(trim(reason)) > 0),
    created_at timestamptz not null default now(),
    created_by_name text,
    primary key (tenant_id, id),
    foreign key (tenant_id, credit_id) references customer_credits (tenant_id, id)
);

create index customer_credit_refunds_credit on customer_credit_refunds (tenant_id, credit_id);
