-- 0002: a version number for the rule tables.
--
-- Every statement that changes a rule table bumps rules_version in the same transaction, so the
-- version a reader sees in its snapshot is exactly the version of the rows it read. The
-- controller logs it with every decision and `ivrctl explain` prints it: both can then show
-- that they decided on the same rules. (A sequence would not do: sequences are not
-- transactional, so a reader could see a version ahead of its rows.)
--
-- The row lock this takes serialises concurrent rule edits; they are admin edits, so that is
-- cheap, and a 100,000-row import is one statement and one bump.

create table rules_version (
    id      int    not null default 1,
    version bigint not null default 1,
    constraint rules_version_pkey primary key (id),
    constraint rules_version_singleton check (id = 1)
);

comment on table rules_version is 'One row: increases with every statement that changes a rule table.';

insert into rules_version (id) values (1);

create or replace function notify_rules_changed() returns trigger
language plpgsql as $$
begin
    update rules_version set version = version + 1 where id = 1;
    -- The payload is the table name so a listener can log what changed. PostgreSQL folds
    -- identical notifications raised in one transaction into one.
    perform pg_notify('ivr_rules_changed', tg_table_name);
    return null;
end;
$$;

comment on function notify_rules_changed() is
    'AFTER ... FOR EACH STATEMENT trigger on every rule table: bump rules_version, NOTIFY ivr_rules_changed with the table name.';

comment on column number_regions.prefix is
    'National-form prefix: a 7-digit mobile prefix (1731234) or a landline area code with its trunk 0 (021, 0755).';
