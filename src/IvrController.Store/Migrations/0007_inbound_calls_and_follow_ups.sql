-- 0007: customers' calls to our numbers in the call log, and survey follow-ups.
--
-- inbound_calls: one row per call a customer makes to one of our numbers (a callback the memory
-- matched, or the IVR), written once when the call ends, through the same journal as outbound
-- calls, so a call during a database outage is stored when the database returns. Until now such
-- a call left no row a person could read (only a survey result or a missed callback, if any).
--
-- survey_results.follow_up_*: a low rating asks a supervisor to follow it up; who marked it done,
-- and when. Neither is a rule table: no NOTIFY, no rules_version.

create table inbound_calls (
    id               bigint generated always as identity,
    call_uuid        uuid        not null,
    customer_number  text        not null,
    called_number    text        not null,
    route            text        not null,
    remembered_agent text        null,
    agent_id         text        null,
    outcome          text        not null,
    started_at       timestamptz not null,
    ended_at         timestamptz not null,
    constraint inbound_calls_pkey primary key (id),
    -- Unique so a record replayed after a database outage is written once (ON CONFLICT DO NOTHING).
    constraint inbound_calls_call_uuid_key unique (call_uuid),
    constraint inbound_calls_route_valid check (route in ('callback', 'ivr')),
    constraint inbound_calls_outcome_valid
        check (outcome in ('agent_answered', 'no_agent', 'ended_in_menu', 'caller_hung_up', 'faulted'))
);

create index inbound_calls_started_at on inbound_calls (started_at desc);

comment on table inbound_calls is 'Every customer call to one of our numbers, written when it ends. No foreign keys, like outbound_calls.';
comment on column inbound_calls.customer_number is 'The caller, E.164 as normalised by the controller, or the raw caller ID when it does not normalise.';
comment on column inbound_calls.called_number is 'Our number the customer dialled (E.164 when it normalises).';
comment on column inbound_calls.route is 'callback: the callback memory matched an agent; ivr: the IVR of the dialled number.';
comment on column inbound_calls.remembered_agent is 'The agent the callback memory matched (whether or not they took the call).';
comment on column inbound_calls.agent_id is 'The agent who answered; null when nobody did.';
comment on column inbound_calls.outcome is 'agent_answered, no_agent, ended_in_menu, caller_hung_up or faulted.';

alter table survey_results
    add column follow_up_done_by text        null,
    add column follow_up_done_at timestamptz null,
    add constraint survey_results_follow_up_together
        check ((follow_up_done_by is null) = (follow_up_done_at is null));

comment on column survey_results.follow_up_done_by is 'The console account that marked the follow-up of a low rating done.';
comment on column survey_results.follow_up_done_at is 'When the follow-up was marked done.';
