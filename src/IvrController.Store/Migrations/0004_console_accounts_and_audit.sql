-- 0004: who may use the web console, and what they changed.
--
-- console_accounts: one row per person who logs in to the console (`ivrctl admins add`). The
-- password is kept only as the framework's password hash (PBKDF2 with a salt, its format
-- version in the first byte); nothing can turn it back into the password. role admin may edit,
-- supervisor may only read.
--
-- audit_log: every change made through the console (and through `ivrctl admins`), who made it
-- and when, in the words shown to the admin. Neither table is a rule table: editing them never
-- notifies the controllers and never bumps rules_version.

create table console_accounts (
    name                text        not null,
    password_hash       text        not null,
    role                text        not null,
    created_at          timestamptz not null default now(),
    password_changed_at timestamptz not null default now(),
    constraint console_accounts_pkey primary key (name),
    constraint console_accounts_name_format check (name ~ '^[0-9A-Za-z_.@-]{1,64}$'),
    constraint console_accounts_role_valid check (role in ('admin', 'supervisor')),
    constraint console_accounts_hash_not_blank check (btrim(password_hash) <> '')
);

comment on table console_accounts is 'People who log in to the web console; passwords only as hashes.';
comment on column console_accounts.password_hash is 'The framework password hasher''s output (base64), never the password.';
comment on column console_accounts.role is 'admin (edits) or supervisor (reads only).';

create table audit_log (
    id     bigint      generated always as identity,
    at     timestamptz not null default now(),
    who    text        not null,
    action text        not null,
    detail text        not null,
    constraint audit_log_pkey primary key (id),
    constraint audit_log_who_not_blank check (btrim(who) <> ''),
    constraint audit_log_action_not_blank check (btrim(action) <> '')
);

create index audit_log_at on audit_log (at desc);

comment on table audit_log is 'Every change made through the console or ivrctl admins: who, when, what (never a full customer number).';
comment on column audit_log.who is 'The console account, or ivrctl:<OS user> for the command line.';
comment on column audit_log.action is 'What was changed: settings, account, ...';
