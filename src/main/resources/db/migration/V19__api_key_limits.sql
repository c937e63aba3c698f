-- Per-key limits (README "Limits"): null means the server's default (parallel) or no limit (rpm, tpm, models).
alter table api_keys
    add column max_parallel_requests integer check (max_parallel_requests > 0),
    add column rpm integer check (rpm > 0),
    add column tpm integer check (tpm > 0),
    add column models text[] check (models is null or cardinality(models) > 0);
