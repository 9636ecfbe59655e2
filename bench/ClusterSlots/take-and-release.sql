-- One call's slot as a controller takes and gives it back (pgbench script; run.sh runs it).
-- The first statement is CallerNumberSlots.TakeAsync's, the last the release that
-- CallLog.RecordOutboundCallEndAsync folds into the end record. :numbers numbers, :cap calls at once each.
\set n random(1, :numbers)
\set id random(1, 9000000000000000000)
with taken as (
    insert into caller_number_slots as s (number, day, used_today, in_use)
    values (('+8621' || lpad(:n::text, 8, '0')), 740000, 1, 1)
    on conflict (number) do update
       set used_today = case when s.day >= excluded.day then s.used_today + 1 else 1 end,
           day = greatest(s.day, excluded.day),
           in_use = s.in_use + 1
     where s.in_use < :cap
       and (s.day < excluded.day or s.used_today < 2147483647)
    returning used_today, in_use
), leased as (
    insert into caller_number_leases (call_uuid, number, controller_id)
    select md5(:id::text)::uuid, ('+8621' || lpad(:n::text, 8, '0')), 'bench' from taken
    on conflict (call_uuid) do nothing
)
select true as granted, used_today, in_use from taken
union all
select false, s.used_today, s.in_use from caller_number_slots s
 where s.number = ('+8621' || lpad(:n::text, 8, '0')) and not exists (select from taken);
with released as (
    delete from caller_number_leases where call_uuid = md5(:id::text)::uuid returning number
)
update caller_number_slots s set in_use = greatest(s.in_use - 1, 0)
  from released r where s.number = r.number;
