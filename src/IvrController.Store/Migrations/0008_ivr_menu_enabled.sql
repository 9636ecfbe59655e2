-- 0008: IVR menus can be switched off.
--
-- A disabled menu keeps its prompts and options, its numbers still name it and other menus may still
-- go to it, but no caller hears it: a call to a number whose menu is disabled is treated as a call to
-- a number without a menu (the service-unavailable prompt, then the call ends), and a key that goes to
-- a disabled submenu ends the call as a key to a missing submenu does. Enabling it again brings it back
-- as it was. Like every rule table, a change here bumps rules_version and notifies the controllers.

alter table ivr_menus add column enabled boolean not null default true;

comment on column ivr_menus.enabled is 'false = no caller hears this menu: its numbers answer as numbers without a menu, keys to it end the call.';
