-- Sign-in attempts per client address and per account, replacing the per-address failures.
-- An attempt is written before its password is checked (failed = false while the check
-- runs), so parallel guesses count against each other; it then becomes a failure or, on
-- success, is deleted. Not tenant-owned: the tenant is unknown until a sign-in succeeds.
create table sign_in_attempts (
    id bigint generated always as identity primary key,
    address text not null,
    -- lower() of the e-mail as typed (trimmed), known or not: the same expression the
    -- account lookup compares with, so spellings of one account share one counter.
    account text not null,
    started_at timestamptz not null default clock_timestamp(),
    failed boolean not null default false
);

create index sign_in_attempts_address_idx on sign_in_attempts (address, started_at);
create index sign_in_attempts_account_idx on sign_in_attempts (account, started_at);
-- The periodic purge removes what left the window, across every address and account.
create index sign_in_attempts_started_idx on sign_in_attempts (started_at);

-- Throttle state only: losing the old rows merely forgives a few recent failures.
drop table sign_in_failures;

-- The periodic purge removes expired sessions of every tenant.
create index sessions_expires_at_idx on sessions (expires_at);
