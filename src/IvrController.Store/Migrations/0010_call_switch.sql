-- 0010: the switch a call ran on.
--
-- One controller may serve several FreeSWITCH switches; a call's switch is known from the Core-UUID in its
-- channel data, and named as in the controller's settings (Switches:N:Name, or "default" with Esl:* alone).
-- The call log kept no trace of it, so an operator could not tell from `ivrctl calls` or the console's
-- reports which switch a call had gone through. Calls now carry the name; calls from before stay null, as
-- do calls handed over before their switch's core UUID was read (just after a switch restart).

alter table outbound_calls add column switch_name text null;
alter table inbound_calls add column switch_name text null;

comment on column outbound_calls.switch_name is 'The name of the switch the agent''s leg ran on (Switches:N:Name, default with one switch); null = not known.';
comment on column inbound_calls.switch_name is 'The name of the switch the customer''s call came in on (Switches:N:Name, default with one switch); null = not known.';
