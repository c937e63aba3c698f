-- Runs: every turn of a chat is a run, with a ledger of its steps (model calls and tool calls) and
-- the decisions people made on tool calls that needed their approval.

create table runs (
    id                uuid primary key,
    user_id           uuid        not null references users (id) on delete cascade,
    chat_id           uuid        references chats (id) on delete cascade,
    -- The reply message the run answers into.
    reply_message_id  uuid,
    -- The agent it ran (its settings are copied into the run where they matter), or null for a plain turn.
    agent_id          uuid,
    -- A delegated run is a step of its parent's run.
    parent_run_id     uuid        references runs (id) on delete cascade,
    parent_step_id    uuid,
    model             text        not null,
    status            text        not null check (status in ('RUNNING', 'AWAITING_APPROVAL', 'COMPLETED', 'FAILED', 'CANCELLED')),
    stop_reason       text        check (stop_reason in ('ANSWERED', 'MAX_STEPS', 'TOOL_CALL_CAP', 'TIME_BUDGET',
                                                         'TOKEN_BUDGET', 'CANCELLED', 'ERROR', 'INVALID_OUTPUT')),
    max_steps         integer     not null,
    max_tool_calls    integer     not null,
    token_budget      integer,
    deadline          timestamptz not null,
    prompt_tokens     integer     not null default 0,
    completion_tokens integer     not null default 0,
    cost_usd          numeric(14, 6) not null default 0,
    error             text,
    structured        jsonb,
    started_at        timestamptz not null,
    ended_at          timestamptz,
    updated_at        timestamptz not null,
    version           bigint      not null
);

create index runs_chat_idx on runs (chat_id, started_at desc, id desc);
create index runs_user_idx on runs (user_id, started_at desc, id desc);

create table run_steps (
    id                uuid primary key,
    run_id            uuid        not null references runs (id) on delete cascade,
    ordinal           integer     not null,
    kind              text        not null check (kind in ('MODEL', 'TOOL')),
    -- For a tool step: the tool, the model's call id, its arguments as the model wrote them and their hash.
    tool              text,
    tool_call_id      text,
    arguments         text,
    arguments_sha256  text,
    -- For a model step: the text it said (tool calls are the tool steps that follow it).
    content           text,
    result            text,
    result_summary    text,
    ok                boolean,
    status            text        not null check (status in ('RUNNING', 'COMPLETED', 'FAILED', 'AWAITING_APPROVAL',
                                                             'DENIED', 'INTERRUPTED')),
    prompt_tokens     integer,
    completion_tokens integer,
    cost_usd          numeric(14, 6),
    started_at        timestamptz not null,
    ended_at          timestamptz,
    unique (run_id, ordinal)
);

-- After a crash, tool steps left running are marked interrupted (never run again silently).
create index run_steps_running_idx on run_steps (started_at) where status = 'RUNNING';

create table approval_decisions (
    id               uuid primary key,
    run_id           uuid        not null references runs (id) on delete cascade,
    step_id          uuid        not null references run_steps (id) on delete cascade,
    user_id          uuid        not null references users (id) on delete cascade,
    agent_id         uuid,
    tool             text        not null,
    arguments_sha256 text        not null,
    decision         text        not null check (decision in ('APPROVE', 'DENY')),
    scope            text        not null check (scope in ('ONCE', 'RUN', 'ALWAYS')),
    reason           text,
    decided_by       uuid        not null references users (id) on delete cascade,
    decided_at       timestamptz not null
);

create index approval_decisions_run_idx on approval_decisions (run_id, tool, arguments_sha256);
-- "Always" decisions are looked up per agent and tool.
create index approval_decisions_always_idx on approval_decisions (agent_id, tool, arguments_sha256)
    where scope = 'ALWAYS';
