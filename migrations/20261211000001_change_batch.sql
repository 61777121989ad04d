-- A change written by a batch, or by its undo, names the batch: the customer's history then says
-- why 62 customers changed at once ("Ana (lote 12)", "Ana (desfez o lote 12)").
alter table customer_changes
    add column batch_id bigint,
    add column batch_undone boolean not null default false;
