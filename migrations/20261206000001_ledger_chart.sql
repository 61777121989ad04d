-- The company's chart of accounts under "Tabelas" (issue 11, R-SALES-12): managerial and real
-- accounts are rows of `lookup_entries` (kinds `ledger_managerial`, `ledger_real`; code and
-- description, per company, copied to all companies like every table); their terms say
-- whether an account is synthetic and, for a managerial one, which real account it is linked
-- to (by code, the key that identifies an account across companies).
alter table lookup_entries drop constraint lookup_entries_kind_check;
alter table lookup_entries add constraint lookup_entries_kind_check check (kind in (
    'customer_group', 'activity_branch', 'region', 'salesperson', 'category',
    'billing_type', 'currency', 'bearer', 'freight_table', 'incoterm',
    'commission_table', 'financial_class', 'insurance', 'charge_message', 'invoice_message',
    'price_list', 'payment_plan', 'carrier', 'fleet_vehicle',
    'ledger_managerial', 'ledger_real'));

create table ledger_account_terms (
    tenant_id bigint not null,
    entry_id bigint not null,
    synthetic boolean not null default false,
    real_account text,
    primary key (tenant_id, entry_id),
    foreign key (tenant_id, entry_id) references lookup_entries (tenant_id, id) on delete cascade
);

-- Looking an account up by code (links, settings, the customer's accounts) uses the entries'
-- unique key (tenant_id, company_id, kind, code); the links pointing to a real account:
create index ledger_account_terms_by_real on ledger_account_terms (tenant_id, real_account)
    where real_account is not null;
