-- Projects (folders of chats and agents) and agents (instructions, a model, tools and their policies).

create table projects (
    id          uuid primary key,
    user_id     uuid        not null references users (id) on delete cascade,
    name        text        not null,
    description text,
    created_at  timestamptz not null,
    updated_at  timestamptz not null,
    version     bigint      not null
);

-- A user's projects, newest first (keyset pagination).
create index projects_user_created_idx on projects (user_id, created_at desc, id desc);

create table agents (
    id            uuid primary key,
    user_id       uuid        not null references users (id) on delete cascade,
    -- Deleting a project that still holds agents is refused by the application (409) unless cascaded.
    project_id    uuid        references projects (id),
    name          text        not null,
    description   text,
    instructions  text,
    model         text,
    -- Tool names in the order given: built-in names, mcp:<server>:<tool>, agent:<id> for delegation.
    tools         text[]      not null default '{}',
    -- {"<tool name>": "allow" | "ask" | "deny"}; a tool without an entry follows its own default.
    tool_policies jsonb       not null default '{}',
    temperature   double precision,
    max_steps     integer,
    -- A JSON Schema the final answer must satisfy, or null for a free-text answer.
    output_schema jsonb,
    status        text        not null check (status in ('ACTIVE', 'INACTIVE')),
    created_at    timestamptz not null,
    updated_at    timestamptz not null,
    version       bigint      not null
);

create index agents_user_created_idx on agents (user_id, created_at desc, id desc);
create index agents_project_idx on agents (project_id) where project_id is not null;
