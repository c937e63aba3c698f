-- What quotas have counted: one row per subject and calendar period (UTC day, month or minute),
-- and the estimates held for generations under way. A hold lapses at its expiry, so a node that
-- crashed mid-generation leaves nothing reserved for long.
create table quota_counters (
    key             text        primary key,
    used_tokens     bigint      not null default 0,
    used_usd_micros bigint      not null default 0,
    requests        bigint      not null default 0,
    expires_at      timestamptz not null
);

create index quota_counters_expiry on quota_counters (expires_at);

create table quota_holds (
    counter_key text        not null,
    id          uuid        not null,
    tokens      bigint      not null,
    usd_micros  bigint      not null,
    expires_at  timestamptz not null,
    primary key (counter_key, id)
);

create index quota_holds_id on quota_holds (id);

-- Checks every counter a generation falls under and, when none would pass its limit, counts the
-- request and holds the estimate on each: all or nothing, in one round trip. The counters are locked
-- in key order, so concurrent reservations on the same subject queue instead of both passing.
-- Returns the policies that would be exceeded (empty when reserved).
create function quota_reserve(p_hold uuid, p_counters jsonb, p_tokens bigint, p_usd_micros bigint,
        p_now timestamptz, p_hold_until timestamptz) returns text[]
    language plpgsql as $$
declare
    c          record;
    counter    record;
    held_tokens bigint;
    held_usd   bigint;
    keys       text[];
    violated   text[] := '{}';
begin
    select array_agg(x.key order by x.key) into keys
      from jsonb_to_recordset(p_counters) as x(key text);
    insert into quota_counters (key, expires_at)
        select x.key, x.expires_at from jsonb_to_recordset(p_counters) as x(key text, expires_at timestamptz)
         order by x.key
        on conflict (key) do nothing;
    perform 1 from quota_counters where key = any(keys) order by key for update;
    delete from quota_holds where counter_key = any(keys) and expires_at <= p_now;
    for c in select * from jsonb_to_recordset(p_counters) as x(key text, tokens_limit bigint, usd_limit bigint,
            requests_limit bigint, tokens_policy text, usd_policy text, requests_policy text) loop
        select used_tokens, used_usd_micros, requests into counter from quota_counters where key = c.key;
        select coalesce(sum(tokens), 0), coalesce(sum(usd_micros), 0) into held_tokens, held_usd
          from quota_holds where counter_key = c.key;
        if c.tokens_limit is not null and counter.used_tokens + held_tokens + p_tokens > c.tokens_limit then
            violated := violated || c.tokens_policy;
        end if;
        if c.usd_limit is not null and counter.used_usd_micros + held_usd + p_usd_micros > c.usd_limit then
            violated := violated || c.usd_policy;
        end if;
        if c.requests_limit is not null and counter.requests + 1 > c.requests_limit then
            violated := violated || c.requests_policy;
        end if;
    end loop;
    if cardinality(violated) > 0 then
        return violated;
    end if;
    update quota_counters set requests = requests + 1 where key = any(keys);
    insert into quota_holds (counter_key, id, tokens, usd_micros, expires_at)
        select k, p_hold, p_tokens, p_usd_micros, p_hold_until from unnest(keys) as k;
    return violated;
end
$$;
