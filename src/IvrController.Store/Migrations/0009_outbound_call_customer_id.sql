-- 0009: the customer ID an agent saw, kept with the call.
--
-- In customer-ID mode the agent's phone shows a customer ID instead of the number. Where the IDs come
-- from a CRM over HTTP (not the customer_ids table), nothing in the database knew them afterwards, so
-- the console's reports could only show a mask. The ID the agent saw is now stored with the outbound
-- call when it is made (null in mask mode, and when the lookup had no ID); the reports show it, and for
-- a customer's later calls to us, the ID of our latest call to them.

alter table outbound_calls add column customer_id text null;

comment on column outbound_calls.customer_id is 'The customer ID the agent saw for this call (customer-ID mode); null = a mask was shown.';
