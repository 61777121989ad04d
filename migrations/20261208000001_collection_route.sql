-- A receivable's collection route, the LOP of seed 001 (issue 12): where it is for collection
-- and how it is collected; the bearer (the P) is bearer_id, already here. Codes as
-- rules::finance::collection_route names them.
alter table receivables
    add column collection_location text not null default 'wallet'
        constraint receivables_collection_location_check
        check (collection_location in ('wallet', 'bank', 'lawyer', 'collection_agency')),
    add column collection_operation text not null default 'simple'
        constraint receivables_collection_operation_check
        check (collection_operation in ('simple', 'discounted', 'vendor', 'judicial'));
