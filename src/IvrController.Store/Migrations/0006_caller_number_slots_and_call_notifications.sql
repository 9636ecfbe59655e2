-- 0006: caps that hold across controllers, and callback memory shared between them.
--
-- Several controllers may serve one switch (its controller_socket lists them) and share this
-- database. Each number's daily calls and calls in progress are counted here, in one row per
-- number, so that a cap holds whichever controller takes the call: a controller reserves a slot
-- with one statement that raises both counts only while both are under their caps (the row lock
-- of that statement is what makes two controllers agree), and the end of the call (its
-- outbound_calls end record) gives the concurrent slot back.
--
-- A call in progress is also a lease row naming its controller. Every controller renews its own
-- row in cluster_controllers every few seconds; once a row is past expires_at, any other
-- controller deletes that controller's leases and gives their slots back, so a controller that
-- dies holds its slots for at most its lease time.

create table cluster_controllers (
    controller_id text        not null,
    expires_at    timestamptz not null,
    last_seen     timestamptz not null default now(),
    constraint cluster_controllers_pkey primary key (controller_id)
);

comment on table cluster_controllers is 'Controllers sharing this database; a row past expires_at is a controller that stopped renewing (its leases are swept).';

create table caller_number_slots (
    number     text not null,
    day        int  not null,
    used_today int  not null default 0,
    in_use     int  not null default 0,
    constraint caller_number_slots_pkey primary key (number),
    constraint caller_number_slots_counts check (used_today >= 0 and in_use >= 0)
);

comment on table caller_number_slots is 'Per caller number (E.164): calls started on the call centre''s day (day = days since 0001-01-01) and calls in progress, across all controllers.';
comment on column caller_number_slots.in_use is 'Always the number of caller_number_leases rows of this number: every statement that changes one changes the other.';

create table caller_number_leases (
    call_uuid     uuid        not null,
    number        text        not null,
    controller_id text        not null,
    taken_at      timestamptz not null default now(),
    constraint caller_number_leases_pkey primary key (call_uuid)
);

create index caller_number_leases_controller_id on caller_number_leases (controller_id);

comment on table caller_number_leases is 'One row per call in progress holding a concurrent slot of a caller number, with the controller that holds it.';

-- Every outbound call that presented one of our numbers is announced to every controller, so a
-- customer's callback finds its agent whichever controller takes it, also while the database is
-- away afterwards. Rows replayed from a controller's journal after an outage are announced too.
create or replace function notify_outbound_call() returns trigger
language plpgsql as $$
begin
    perform pg_notify('ivr_outbound_calls', json_build_object(
        'agent', new.agent_id,
        'customer', new.customer_number,
        'caller', new.caller_number,
        'at', (extract(epoch from new.started_at) * 1000000)::bigint)::text);
    return null;
end;
$$;

create trigger outbound_calls_notify
    after insert on outbound_calls
    for each row when (new.caller_number is not null)
    execute function notify_outbound_call();
