-- 0001: the whole schema of DESIGN.md section 3.
--
-- Every constraint is named, so an error tells an admin which rule the data broke and tests
-- can assert the name. Rule tables (read by the call path from an in-memory snapshot) notify
-- 'ivr_rules_changed' once per statement; log tables (calls, survey results) never notify,
-- because they are written on every call and must not make every controller reload its rules.
--
-- Applied once, in one transaction, by DatabaseMigrator. Never edit this file after it has
-- shipped: the migrator refuses a script whose checksum changed. Add 0002_… instead.

-- Helpers ---------------------------------------------------------------------------------

create function touch_updated_at() returns trigger
language plpgsql as $$
begin
    new.updated_at := now();
    return new;
end;
$$;

comment on function touch_updated_at() is
    'BEFORE UPDATE row trigger: keeps updated_at honest whoever edits the row (ivrctl, psql, an import).';

create function notify_rules_changed() returns trigger
language plpgsql as $$
begin
    -- The payload is the table name so a listener can log what changed. PostgreSQL folds
    -- identical notifications raised in one transaction into one, so a transaction that
    -- touches a table with many statements still costs one message per table.
    perform pg_notify('ivr_rules_changed', tg_table_name);
    return null;
end;
$$;

comment on function notify_rules_changed() is
    'AFTER ... FOR EACH STATEMENT trigger on every rule table: NOTIFY ivr_rules_changed, payload = table name.';

-- Agents and skill groups -----------------------------------------------------------------

create table agents (
    id         text        not null,
    name       text        not null,
    status     text        not null default 'active',
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    constraint agents_pkey primary key (id),
    -- The id is the SIP user FreeSWITCH authenticates, so it must be a valid SIP user part
    -- that needs no escaping in a dial string (user/<id>).
    constraint agents_id_format check (id ~ '^[0-9A-Za-z_.-]{1,64}$'),
    constraint agents_name_not_blank check (btrim(name) <> ''),
    constraint agents_status_valid check (status in ('active', 'offline'))
);

comment on table agents is 'Agents; id is the SIP user their phone registers as.';
comment on column agents.id is 'SIP user (the authenticated user part), 1-64 of [0-9A-Za-z_.-].';
comment on column agents.status is 'active, or offline when an admin takes the agent out of routing (callbacks skip them).';

create table skill_groups (
    id        text not null,
    name      text not null,
    direction text not null default 'both',
    constraint skill_groups_pkey primary key (id),
    constraint skill_groups_id_format check (id ~ '^[0-9A-Za-z_.-]{1,64}$'),
    constraint skill_groups_name_key unique (name),
    constraint skill_groups_name_not_blank check (btrim(name) <> ''),
    constraint skill_groups_direction_valid check (direction in ('inbound', 'outbound', 'both'))
);

comment on table skill_groups is 'Skill groups: outbound ones choose caller numbers, inbound ones receive IVR calls.';
comment on column skill_groups.direction is 'inbound, outbound or both; caller-ID selection only uses outbound and both.';

create table agent_skill_groups (
    agent_id       text not null,
    skill_group_id text not null,
    constraint agent_skill_groups_pkey primary key (agent_id, skill_group_id),
    constraint agent_skill_groups_agent_id_fkey foreign key (agent_id)
        references agents (id) on update cascade on delete cascade,
    constraint agent_skill_groups_skill_group_id_fkey foreign key (skill_group_id)
        references skill_groups (id) on update cascade on delete cascade
);

-- The primary key serves lookups by agent; this one serves "who is in group G".
create index agent_skill_groups_skill_group_id on agent_skill_groups (skill_group_id);

comment on table agent_skill_groups is 'Which agents belong to which skill groups.';

-- IVR menus (before caller_numbers, which name their menu) -------------------------------

create table ivr_menus (
    name            text not null,
    greeting_prompt text not null,
    invalid_prompt  text not null,
    timeout_prompt  text not null,
    timeout_ms      int  not null default 5000,
    max_retries     int  not null default 3,
    default_action  text not null default 'hangup',
    default_target  text null,
    constraint ivr_menus_pkey primary key (name),
    constraint ivr_menus_name_format check (name ~ '^[a-z0-9_-]{1,64}$'),
    constraint ivr_menus_timeout_ms_range check (timeout_ms between 1000 and 60000),
    constraint ivr_menus_max_retries_range check (max_retries between 0 and 9),
    constraint ivr_menus_default_action_valid
        check (default_action in ('hangup', 'repeat', 'skill_group', 'agent', 'submenu')),
    -- A target is required exactly for the actions that go somewhere.
    constraint ivr_menus_default_target_matches_action
        check ((default_action in ('skill_group', 'agent', 'submenu')) = (default_target is not null))
);

comment on table ivr_menus is 'IVR menus; each caller number (DID) names the menu its callers hear.';
comment on column ivr_menus.max_retries is 'How often the menu is replayed after a timeout or an invalid key before default_action.';
comment on column ivr_menus.default_action is 'What happens when the retries are used up.';
comment on column ivr_menus.default_target is 'Skill group id, agent id or menu name; set exactly when default_action needs one.';

create table ivr_options (
    menu   text    not null,
    digit  char(1) not null,
    action text    not null,
    target text    null,
    constraint ivr_options_pkey primary key (menu, digit),
    constraint ivr_options_menu_fkey foreign key (menu)
        references ivr_menus (name) on update cascade on delete cascade,
    constraint ivr_options_digit_keypad check (digit ~ '^[0-9*#]$'),
    constraint ivr_options_action_valid
        check (action in ('skill_group', 'agent', 'submenu', 'repeat', 'hangup')),
    constraint ivr_options_target_matches_action
        check ((action in ('skill_group', 'agent', 'submenu')) = (target is not null))
);

comment on table ivr_options is 'Keys of an IVR menu: digit -> skill group | agent | submenu | repeat | hang up.';
comment on column ivr_options.target is
    'Skill group id, agent id or menu name; set exactly for skill_group, agent and submenu (checked by the rules layer, not by a foreign key, because its table depends on the action).';

-- Caller numbers ---------------------------------------------------------------------------

create table caller_numbers (
    number         text        not null,
    province       text        null,
    city           text        null,
    enabled        boolean     not null default true,
    max_concurrent int         null,
    daily_cap      int         null,
    ivr_menu       text        null,
    created_at     timestamptz not null default now(),
    updated_at     timestamptz not null default now(),
    constraint caller_numbers_pkey primary key (number),
    -- E.164 as the carrier presents it; the rules layer normalises before it writes.
    constraint caller_numbers_number_e164 check (number ~ '^\+86[0-9]{6,12}$'),
    constraint caller_numbers_max_concurrent_positive check (max_concurrent > 0),
    constraint caller_numbers_daily_cap_positive check (daily_cap > 0),
    -- Deleting a menu must not delete our numbers; they fall back to "no menu" instead.
    constraint caller_numbers_ivr_menu_fkey foreign key (ivr_menu)
        references ivr_menus (name) on update cascade on delete set null
);

comment on table caller_numbers is 'Our numbers: shown to customers on outbound calls, dialled by customers (DIDs).';
comment on column caller_numbers.number is 'E.164, +86 followed by 6-12 digits.';
comment on column caller_numbers.province is 'Region for the same-region rule; null = look it up from number_regions / libphonenumber.';
comment on column caller_numbers.max_concurrent is 'Most simultaneous calls presenting this number; null = no limit.';
comment on column caller_numbers.daily_cap is 'Most calls per day presenting this number; null = no limit.';
comment on column caller_numbers.ivr_menu is 'The menu a customer hears when calling this number (and no callback match applies).';

create table skill_group_numbers (
    skill_group_id text not null,
    number         text not null,
    constraint skill_group_numbers_pkey primary key (skill_group_id, number),
    constraint skill_group_numbers_skill_group_id_fkey foreign key (skill_group_id)
        references skill_groups (id) on update cascade on delete cascade,
    constraint skill_group_numbers_number_fkey foreign key (number)
        references caller_numbers (number) on update cascade on delete cascade
);

create index skill_group_numbers_number on skill_group_numbers (number);

comment on table skill_group_numbers is 'Caller numbers reserved for a skill group (the skill-group caller-ID rule).';

-- Surveys ----------------------------------------------------------------------------------

create table survey_templates (
    id             int generated by default as identity,
    name           text    not null,
    direction      text    not null,
    enabled        boolean not null default true,
    guide_prompt   text    not null,
    closing_prompt text    not null,
    invalid_prompt text    not null,
    timeout_prompt text    not null,
    timeout_ms     int     not null default 5000,
    retries        int     not null default 3,
    language       text    not null default 'zh-CN',
    constraint survey_templates_pkey primary key (id),
    constraint survey_templates_name_key unique (name),
    constraint survey_templates_direction_valid check (direction in ('outbound', 'inbound')),
    constraint survey_templates_timeout_ms_range check (timeout_ms between 1000 and 60000),
    constraint survey_templates_retries_range check (retries between 1 and 5),
    constraint survey_templates_language_valid check (language in ('zh-CN', 'en'))
);

comment on table survey_templates is 'Satisfaction surveys played after a call (play_and_get_digits).';
comment on column survey_templates.retries is 'Tries play_and_get_digits gets before the answer counts as no answer / invalid.';
comment on column survey_templates.language is 'Prompt language: selects sounds/<language>/.';

create table survey_keys (
    template_id int     not null,
    digit       char(1) not null,
    label       text    not null,
    score       int     not null,
    constraint survey_keys_pkey primary key (template_id, digit),
    constraint survey_keys_template_id_fkey foreign key (template_id)
        references survey_templates (id) on delete cascade,
    constraint survey_keys_digit_keypad check (digit ~ '^[0-9*#]$')
);

comment on table survey_keys is 'Keys a survey accepts, each with its label and score.';

-- Settings (one row) -----------------------------------------------------------------------

create table settings (
    id                       int         not null default 1,
    caller_id_rule           text        not null default 'skill_group',
    candidate_pick           text        not null default 'random',
    protection_mode          text        not null default 'mask',
    callback_enabled         boolean     not null default true,
    callback_mode            smallint    not null default 2,
    callback_window          interval    not null default '72 hours',
    callback_ring_timeout    interval    not null default '20 seconds',
    outbound_survey_template int         null,
    inbound_survey_template  int         null,
    updated_at               timestamptz not null default now(),
    constraint settings_pkey primary key (id),
    -- One row, always id 1: the migration inserts it and nothing can add a second.
    constraint settings_singleton check (id = 1),
    constraint settings_caller_id_rule_valid check (caller_id_rule in ('skill_group', 'same_region')),
    constraint settings_candidate_pick_valid check (candidate_pick in ('random', 'least_used_today')),
    constraint settings_protection_mode_valid check (protection_mode in ('mask', 'customer_id')),
    constraint settings_callback_mode_valid check (callback_mode in (1, 2)),
    constraint settings_callback_window_positive check (callback_window > interval '0'),
    constraint settings_callback_ring_timeout_positive check (callback_ring_timeout > interval '0'),
    -- Deleting a template switches its survey off rather than failing.
    constraint settings_outbound_survey_template_fkey foreign key (outbound_survey_template)
        references survey_templates (id) on delete set null,
    constraint settings_inbound_survey_template_fkey foreign key (inbound_survey_template)
        references survey_templates (id) on delete set null
);

comment on table settings is 'Controller-wide settings; exactly one row (id = 1).';
comment on column settings.caller_id_rule is 'skill_group: numbers of the agent''s outbound skill groups; same_region: numbers in the callee''s city, then province.';
comment on column settings.candidate_pick is 'How one number is chosen among the candidates: random, or the least used today.';
comment on column settings.protection_mode is 'What an agent sees instead of a customer''s number: a masked number, or a customer id.';
comment on column settings.callback_mode is '1 = original agent only; 2 = original agent first, then the IVR of the dialled number.';
comment on column settings.callback_window is 'How far back a returning customer is matched to the agent who called them.';
comment on column settings.callback_ring_timeout is 'How long the original agent rings in mode 2 before the call goes to the IVR.';
comment on column settings.outbound_survey_template is 'Survey after outbound calls; null = no survey.';
comment on column settings.inbound_survey_template is 'Survey after inbound (callback) calls; null = no survey.';

insert into settings (id) values (1);

-- Regions and customer ids -----------------------------------------------------------------

create table number_regions (
    prefix   text not null,
    province text not null,
    city     text not null,
    constraint number_regions_pkey primary key (prefix),
    constraint number_regions_prefix_format check (prefix ~ '^[0-9]{3,8}$')
);

comment on table number_regions is 'Admin-imported region table: 7-digit mobile prefixes and landline area codes (without the 0) -> province and city. Longest prefix wins.';

create table customer_ids (
    customer_id text not null,
    number      text not null,
    constraint customer_ids_pkey primary key (customer_id),
    constraint customer_ids_customer_id_not_blank check (btrim(customer_id) <> ''),
    constraint customer_ids_number_key unique (number),
    constraint customer_ids_number_e164 check (number ~ '^\+86[0-9]{6,12}$')
);

comment on table customer_ids is 'Table mode of the customer-id lookup: what an agent sees and dials instead of the number.';

-- Call log and survey results (written on every call; no notifications) -------------------

create table outbound_calls (
    id              bigint generated always as identity,
    call_uuid       uuid        not null,
    agent_id        text        not null,
    customer_number text        not null,
    caller_number   text        null,
    rule            text        null,
    tier            text        null,
    reason          text        null,
    disposition     text        null,
    started_at      timestamptz not null,
    answered_at     timestamptz null,
    ended_at        timestamptz null,
    constraint outbound_calls_pkey primary key (id),
    -- Unique so a record replayed after a database outage is written once (ON CONFLICT DO NOTHING).
    constraint outbound_calls_call_uuid_key unique (call_uuid)
);

-- The callback memory: "the latest call to this number since <window>" is one index probe.
create index outbound_calls_callback_lookup on outbound_calls (customer_number, started_at desc);

comment on table outbound_calls is 'Every agent -> customer call, and the callback memory. No foreign keys: history outlives agents and numbers, and a write must never fail on rule data.';
comment on column outbound_calls.customer_number is 'The customer''s number, E.164, as normalised by the controller; the callback lookup matches on it.';
comment on column outbound_calls.caller_number is 'The number the customer saw; null when none could be chosen.';
comment on column outbound_calls.rule is 'Caller-ID rule that chose caller_number.';
comment on column outbound_calls.tier is 'Which tier of the rule produced the candidates (skill group, city, province, pool).';
comment on column outbound_calls.reason is 'Human-readable explanation of the choice, as logged and shown by explain.';
comment on column outbound_calls.disposition is 'originate_disposition of the bridge (SUCCESS, NO_ANSWER, USER_BUSY, ...).';

create table survey_results (
    id              bigint generated always as identity,
    call_uuid       uuid        not null,
    template_id     int         not null,
    digit           char(1)     null,
    label           text        null,
    score           int         null,
    outcome         text        not null,
    agent_id        text        null,
    customer_number text        not null,
    started_at      timestamptz not null,
    answered_at     timestamptz null,
    constraint survey_results_pkey primary key (id),
    -- One result per survey of a call, so a replayed write is not counted twice.
    constraint survey_results_call_template_key unique (call_uuid, template_id),
    -- Results keep their template: disable a template instead of deleting it.
    constraint survey_results_template_id_fkey foreign key (template_id)
        references survey_templates (id),
    constraint survey_results_digit_keypad check (digit ~ '^[0-9*#]$'),
    constraint survey_results_outcome_valid check (outcome in ('rated', 'no_answer', 'invalid')),
    constraint survey_results_rated_has_score
        check ((outcome = 'rated') = (digit is not null and score is not null)),
    constraint survey_results_no_answer_has_no_digit check (outcome <> 'no_answer' or digit is null)
);

create index survey_results_agent_started on survey_results (agent_id, started_at);

comment on table survey_results is 'One row per survey played; a timeout is stored as no_answer, never dropped.';
comment on column survey_results.digit is 'Key pressed; null = no answer.';
comment on column survey_results.label is 'Label of the key at the time of the call (templates change later).';
comment on column survey_results.score is 'Score of the key at the time of the call.';

create table missed_callbacks (
    id              bigint generated always as identity,
    agent_id        text        not null,
    customer_number text        not null,
    called_number   text        not null,
    at              timestamptz not null default now(),
    constraint missed_callbacks_pkey primary key (id)
);

create index missed_callbacks_agent_at on missed_callbacks (agent_id, at desc);

comment on table missed_callbacks is 'A returning customer whose agent was unavailable in callback mode 1, for the agent to call back.';
comment on column missed_callbacks.called_number is 'Our number the customer dialled.';

-- Triggers ---------------------------------------------------------------------------------

create trigger agents_touch_updated_at before update on agents
    for each row execute function touch_updated_at();
create trigger caller_numbers_touch_updated_at before update on caller_numbers
    for each row execute function touch_updated_at();
create trigger settings_touch_updated_at before update on settings
    for each row execute function touch_updated_at();

-- Statement level: a 10,000-row import is one notification, not 10,000.
create trigger agents_notify_rules_changed
    after insert or update or delete or truncate on agents
    for each statement execute function notify_rules_changed();
create trigger skill_groups_notify_rules_changed
    after insert or update or delete or truncate on skill_groups
    for each statement execute function notify_rules_changed();
create trigger agent_skill_groups_notify_rules_changed
    after insert or update or delete or truncate on agent_skill_groups
    for each statement execute function notify_rules_changed();
create trigger caller_numbers_notify_rules_changed
    after insert or update or delete or truncate on caller_numbers
    for each statement execute function notify_rules_changed();
create trigger skill_group_numbers_notify_rules_changed
    after insert or update or delete or truncate on skill_group_numbers
    for each statement execute function notify_rules_changed();
create trigger settings_notify_rules_changed
    after insert or update or delete or truncate on settings
    for each statement execute function notify_rules_changed();
create trigger survey_templates_notify_rules_changed
    after insert or update or delete or truncate on survey_templates
    for each statement execute function notify_rules_changed();
create trigger survey_keys_notify_rules_changed
    after insert or update or delete or truncate on survey_keys
    for each statement execute function notify_rules_changed();
create trigger ivr_menus_notify_rules_changed
    after insert or update or delete or truncate on ivr_menus
    for each statement execute function notify_rules_changed();
create trigger ivr_options_notify_rules_changed
    after insert or update or delete or truncate on ivr_options
    for each statement execute function notify_rules_changed();
create trigger number_regions_notify_rules_changed
    after insert or update or delete or truncate on number_regions
    for each statement execute function notify_rules_changed();
create trigger customer_ids_notify_rules_changed
    after insert or update or delete or truncate on customer_ids
    for each statement execute function notify_rules_changed();
