-- Tool calls in the history, and the agent and project a chat belongs to.

-- An assistant message that called tools keeps the calls: [{"id", "name", "arguments"}] (arguments
-- as the model wrote them, JSON text). A TOOL message names the call it answers.
alter table messages add column tool_calls jsonb;
alter table messages add column tool_call_id text;

-- A reply paused until a person approves a tool call. The sweeper of abandoned replies leaves it alone.
alter table messages drop constraint messages_status_check;
alter table messages add constraint messages_status_check
    check (status in ('COMPLETED', 'STREAMING', 'FAILED', 'INTERRUPTED', 'AWAITING_APPROVAL'));

-- The agent that runs every turn of a chat, and the project (a folder) it belongs to. The module
-- agents owns both tables and keeps these references valid.
alter table chats add column agent_id uuid;
alter table chats add column project_id uuid;
create index chats_user_project_idx on chats (user_id, project_id) where project_id is not null;
create index chats_agent_idx on chats (agent_id) where agent_id is not null;
