-- The parsed JSON answer of a run whose agent has an output schema, on the reply it answered with.
alter table messages add column structured jsonb;
