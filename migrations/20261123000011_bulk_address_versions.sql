-- A batch that writes the main address (city, district) remembers the address's version after
-- it, as it does the customer's: the undo is refused once someone saved that address since.
alter table bulk_batch_customers add column address_version_after integer;
