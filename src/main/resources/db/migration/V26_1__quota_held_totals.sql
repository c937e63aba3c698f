-- Cheap quota checks on the turn (issue 13): each counter keeps the total its live holds reserve, so a
-- reservation reads three numbers instead of summing the hold rows, and the earliest expiry among
-- them, so that lapsed holds are looked for only once that time has come. Every function locks the
-- counters it touches in key order before any hold row: a reservation, a settlement and a release of
-- lapsed holds queue behind each other instead of deadlocking (the settlement of V23_1 updated its
-- counters in the order they lay on disk, and deadlocked against reservations under load).
-- Reservations and settlements commit without waiting for their WAL to reach the disk
-- (synchronous_commit off, for their own transaction only): a counter row is locked for the time of
-- the function, not of a disk flush, since all turns of one user queue on the same rows. The price:
-- a crash of PostgreSQL itself may forget the last moments of them (at most three times
-- wal_writer_delay, 600 ms by default), never corrupting anything.
alter table quota_counters
    add column held_tokens     bigint      not null default 0,
    add column held_usd_micros bigint      not null default 0,
    add column holds_lapse_at  timestamptz;

update quota_counters c
   set held_tokens = h.tokens, held_usd_micros = h.usd_micros, holds_lapse_at = h.lapse_at
  from (select counter_key, sum(tokens) as tokens, sum(usd_micros) as usd_micros, min(expires_at) as lapse_at
          from quota_holds group by counter_key) h
 where h.counter_key = c.key;

create index quota_counters_holds_lapse on quota_counters (holds_lapse_at) where holds_lapse_at is not null;

-- Gives back the holds on one counter that lapsed by p_now (their nodes never settled them), and
-- notes when the next of its holds lapses. Locks the counter first.
create function quota_release_lapsed(p_key text, p_now timestamptz) returns void
    language plpgsql as $$
declare
    released_tokens bigint;
    released_usd    bigint;
begin
    perform 1 from quota_counters where key = p_key for update;
    with lapsed as (delete from quota_holds where counter_key = p_key and expires_at <= p_now
                    returning tokens, usd_micros)
    select coalesce(sum(tokens), 0), coalesce(sum(usd_micros), 0) into released_tokens, released_usd from lapsed;
    update quota_counters
       set held_tokens = held_tokens - released_tokens, held_usd_micros = held_usd_micros - released_usd,
           holds_lapse_at = (select min(expires_at) from quota_holds where counter_key = p_key)
     where key = p_key;
end
$$;

-- As in V23_1 (same arguments, same answer), in one pass over the counters locked in key order,
-- with the held totals read from the counters themselves. Holds are kept only on the counters that
-- count tokens or cost (the minute counters count requests).
create or replace function quota_reserve(p_hold uuid, p_counters jsonb, p_tokens bigint, p_usd_micros bigint,
        p_now timestamptz, p_hold_until timestamptz) returns text[]
    language plpgsql as $$
declare
    c         record;
    keys      text[] := '{}';
    held_keys text[] := '{}';
    violated  text[] := '{}';
begin
    perform set_config('synchronous_commit', 'off', true);
    insert into quota_counters (key, expires_at)
        select x.key, x.expires_at from jsonb_to_recordset(p_counters) as x(key text, expires_at timestamptz)
         order by x.key
        on conflict (key) do nothing;
    for c in select x.*, q.used_tokens, q.used_usd_micros, q.requests, q.held_tokens, q.held_usd_micros,
                    q.holds_lapse_at
               from jsonb_to_recordset(p_counters) as x(key text, tokens_limit bigint, usd_limit bigint,
                    requests_limit bigint, tokens_policy text, usd_policy text, requests_policy text)
               join quota_counters q on q.key = x.key
              order by x.key
                for update of q loop
        if c.holds_lapse_at <= p_now then
            perform quota_release_lapsed(c.key, p_now);
            select held_tokens, held_usd_micros into c.held_tokens, c.held_usd_micros
              from quota_counters where key = c.key;
        end if;
        if c.tokens_limit is not null and c.used_tokens + c.held_tokens + p_tokens > c.tokens_limit then
            violated := violated || c.tokens_policy;
        end if;
        if c.usd_limit is not null and c.used_usd_micros + c.held_usd_micros + p_usd_micros > c.usd_limit then
            violated := violated || c.usd_policy;
        end if;
        if c.requests_limit is not null and c.requests + 1 > c.requests_limit then
            violated := violated || c.requests_policy;
        end if;
        keys := keys || c.key;
        if c.tokens_limit is not null or c.usd_limit is not null then
            held_keys := held_keys || c.key;
        end if;
    end loop;
    if cardinality(violated) > 0 then
        return violated;
    end if;
    update quota_counters
       set requests = requests + 1,
           held_tokens = held_tokens + case when key = any(held_keys) then p_tokens else 0 end,
           held_usd_micros = held_usd_micros + case when key = any(held_keys) then p_usd_micros else 0 end,
           holds_lapse_at = case when key = any(held_keys) then least(holds_lapse_at, p_hold_until) else holds_lapse_at end
     where key = any(keys);
    insert into quota_holds (counter_key, id, tokens, usd_micros, expires_at)
        select k, p_hold, p_tokens, p_usd_micros, p_hold_until from unnest(held_keys) as k;
    return violated;
end
$$;

-- Releases a hold and counts what its generation used on the counters (those that count tokens or
-- cost), in one round trip. A hold that lapsed meanwhile was already given back: only the usage counts.
create function quota_settle(p_hold uuid, p_keys text[], p_tokens bigint, p_usd_micros bigint) returns void
    language plpgsql as $$
begin
    perform set_config('synchronous_commit', 'off', true);
    perform 1 from quota_counters where key = any(p_keys) order by key for update;
    with released as (delete from quota_holds where id = p_hold returning counter_key, tokens, usd_micros)
    update quota_counters c
       set used_tokens = c.used_tokens + p_tokens, used_usd_micros = c.used_usd_micros + p_usd_micros,
           held_tokens = c.held_tokens - coalesce(r.tokens, 0),
           held_usd_micros = c.held_usd_micros - coalesce(r.usd_micros, 0)
      from unnest(p_keys) as k(key)
      left join released r on r.counter_key = k.key
     where c.key = k.key;
end
$$;
