-- 0005: prompts as words.
--
-- An admin may type what a prompt says instead of naming a file under sounds/. The admin side
-- turns the words into an 8 kHz WAV in the prompts directory the controller and the switch
-- share, named by a hash of the voice and the words, and stores the path the switch reads in the
-- prompt column itself: a call plays that path and needs no rendering. The words are kept beside
-- it so an admin can read and change them, and so a change of language speaks them again.
-- Null words: the prompt column names a file under sounds/<language>/ (as before) or an
-- uploaded recording in the prompts directory.

alter table survey_templates
    add column guide_text   text null,
    add column closing_text text null,
    add column invalid_text text null,
    add column timeout_text text null;

alter table ivr_menus
    add column greeting_text text null,
    add column invalid_text  text null,
    add column timeout_text  text null;

comment on column survey_templates.guide_text is 'Words guide_prompt was rendered from (then guide_prompt is the rendered file); null = a file name or a recording.';
comment on column survey_templates.closing_text is 'Words closing_prompt was rendered from; null = a file name or a recording.';
comment on column survey_templates.invalid_text is 'Words invalid_prompt was rendered from; null = a file name or a recording.';
comment on column survey_templates.timeout_text is 'Words timeout_prompt was rendered from; null = a file name or a recording.';
comment on column ivr_menus.greeting_text is 'Words greeting_prompt was rendered from (then greeting_prompt is the rendered file); null = a file name.';
comment on column ivr_menus.invalid_text is 'Words invalid_prompt was rendered from; null = a file name.';
comment on column ivr_menus.timeout_text is 'Words timeout_prompt was rendered from; null = a file name.';
