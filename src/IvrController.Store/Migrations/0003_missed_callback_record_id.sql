-- 0003: an idempotency key for missed callbacks.
--
-- Outbound calls and survey results are stored once per call UUID, so writing one again after
-- a database outage changes nothing. A missed callback had no such key: the controller's call
-- record journal replays what it could not write (or could not confirm it wrote) when the
-- database was down, and without a key a replay could count a missed callback twice. The
-- journal gives every record an id; this column keeps it. Rows written before this migration,
-- and writers that do not pass an id, leave it null (nulls never collide in a unique constraint).

alter table missed_callbacks add column record_id uuid null;

alter table missed_callbacks
    add constraint missed_callbacks_record_id_key unique (record_id);

comment on column missed_callbacks.record_id is 'Id the controller gave the record when it was first written; a replay with the same id is not stored again.';
