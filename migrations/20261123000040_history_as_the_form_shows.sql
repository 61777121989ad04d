-- Issue 10, item 8: the customer history now records values as the form shows them (`Ativo`,
-- `Jurídica`, `31/12/2027`, `12.ABC.345/01DE-35`), written by rules::display. The rows written
-- before held the stored codes; they are rewritten here exactly as today's code writes them, so
-- one customer's history reads the same from end to end. Running it again changes nothing.

-- rules::document::mod11_digit: weights 2..max_weight from the right, cycling; character
-- values are their ASCII code − 48 (digits keep their value, CNPJ letters count from 17).
create function pg_temp.check_digit(base text, max_weight int) returns int
language sql immutable as $$
    select case when s % 11 < 2 then 0 else 11 - s % 11 end
    from (select sum((ascii(substr(base, length(base) - i + 1, 1)) - 48)
                     * (2 + (i - 1) % (max_weight - 1))) as s
          from generate_series(1, length(base)) as i) sums
$$;

-- rules::customer::stored_audited_fields: a CPF (11 digits) or CNPJ (14 characters) stored as
-- a valid one is (bare, upper case) with its mask; anything else as it is. Nested CASEs: the
-- checks run only on text of the right shape.
create function pg_temp.masked_document(doc text) returns text
language sql immutable as $$
    select case
        when doc ~ '^[0-9]{11}$' and doc !~ '^(.)\1*$' then
            case when pg_temp.check_digit(substr(doc, 1, 9), 11) = substr(doc, 10, 1)::int
                  and pg_temp.check_digit(substr(doc, 1, 10), 11) = substr(doc, 11, 1)::int
                 then substr(doc, 1, 3) || '.' || substr(doc, 4, 3) || '.' || substr(doc, 7, 3)
                      || '-' || substr(doc, 10, 2)
                 else doc end
        when doc ~ '^[0-9A-Z]{12}[0-9]{2}$' and doc !~ '^(.)\1*$' then
            case when pg_temp.check_digit(substr(doc, 1, 12), 9) = substr(doc, 13, 1)::int
                  and pg_temp.check_digit(substr(doc, 1, 13), 9) = substr(doc, 14, 1)::int
                 then substr(doc, 1, 2) || '.' || substr(doc, 3, 3) || '.' || substr(doc, 6, 3)
                      || '/' || substr(doc, 9, 4) || '-' || substr(doc, 13, 2)
                 else doc end
        else doc
    end
$$;

-- rules::display::date: `aaaa-mm-dd` → `dd/mm/aaaa`; anything else as it is.
create function pg_temp.shown_date(stored text) returns text
language sql immutable as $$
    select case when stored ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'
                then substr(stored, 9, 2) || '/' || substr(stored, 6, 2) || '/' || substr(stored, 1, 4)
                else stored end
$$;

-- rules::display::status_label and kind_label (Status::label, Kind::label).
create function pg_temp.shown_code(field text, stored text) returns text
language sql immutable as $$
    select case
        when field = 'Situação' and stored = 'active' then 'Ativo'
        when field = 'Situação' and stored = 'inactive' then 'Inativo'
        when field = 'Situação' and stored = 'pending' then 'Pendente'
        when field = 'Tipo' and stored = 'individual' then 'Física'
        when field = 'Tipo' and stored = 'legal_entity' then 'Jurídica'
        else stored
    end
$$;

update customer_changes
set old_value = pg_temp.shown_code(field, old_value),
    new_value = pg_temp.shown_code(field, new_value)
where field in ('Situação', 'Tipo')
  and (old_value in ('active', 'inactive', 'pending', 'individual', 'legal_entity')
       or new_value in ('active', 'inactive', 'pending', 'individual', 'legal_entity'));

update customer_changes
set old_value = pg_temp.masked_document(old_value),
    new_value = pg_temp.masked_document(new_value)
where field = 'CPF/CNPJ'
  and (old_value <> pg_temp.masked_document(old_value)
       or new_value <> pg_temp.masked_document(new_value));

update customer_changes
set old_value = pg_temp.shown_date(old_value),
    new_value = pg_temp.shown_date(new_value)
where field = 'Cadastro válido até'
  and (old_value ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' or new_value ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$');

drop function pg_temp.shown_code(text, text);
drop function pg_temp.shown_date(text);
drop function pg_temp.masked_document(text);
drop function pg_temp.check_digit(text, int);
