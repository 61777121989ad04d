-- The customer's late terms stamped on each receivable when it is issued (seed 003: the daily
-- rate "será lançada no Contas a receber no momento do faturamento"): a later change of the
-- customer's rate does not reprice what is already owed. Percentages, 2 meaning 2 %.
alter table receivables
    add column daily_interest numeric(8, 4) not null default 0
        constraint receivables_daily_interest_check check (daily_interest >= 0),
    add column late_fee numeric(5, 2) not null default 0
        constraint receivables_late_fee_check check (late_fee >= 0);

-- R-PERM: registering receivables by hand, with the other financial steps.
insert into profile_permissions (tenant_id, profile_id, permission)
select tenant_id, profile_id, 'finance.register' from profile_permissions
where permission = 'customer.credit_limit'
on conflict do nothing;
