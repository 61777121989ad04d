-- Money also comes in, and goes back, by cheque and by debit or credit card, as the customer's
-- billing types already name them.
alter table receivable_settlements drop constraint receivable_settlements_means_check;
alter table receivable_settlements add constraint receivable_settlements_means_check
    check (means in ('cash', 'pix', 'bank', 'check', 'debit_card', 'credit_card', 'advance', 'sales_return'));
alter table customer_credit_refunds drop constraint customer_credit_refunds_means_check;
alter table customer_credit_refunds add constraint customer_credit_refunds_means_check
    check (means in ('cash', 'pix', 'bank', 'check', 'debit_card', 'credit_card'));
