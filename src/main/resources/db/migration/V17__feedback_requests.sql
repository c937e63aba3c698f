-- People in the loop: questions put to a person (by an agent's ask_human tool, by an "ask" tool
-- policy, or by a program), answered on one of their channels, or timed out at their deadline.

create table feedback_requests (
    id                  uuid primary key,
    recipient_id        uuid        not null references users (id) on delete cascade,
    -- QUESTION: a free or multiple-choice question; APPROVAL: approve or deny a run's tool call.
    kind                text        not null check (kind in ('QUESTION', 'APPROVAL')),
    question            text        not null,
    -- The answers offered; empty for a free-text answer.
    options             text[]      not null,
    context             text,
    channels            text[]      not null,
    on_timeout          text        not null check (on_timeout in ('WAIT', 'DENY', 'APPROVE', 'HALT')),
    deadline            timestamptz not null,
    -- Optional escalation: at escalate_at the request is delivered again on escalate_channels, to
    -- escalate_to_user_id when set (who may then answer too), else to the recipient.
    escalate_at         timestamptz,
    escalate_channels   text[]      not null,
    escalate_to_user_id uuid        references users (id) on delete set null,
    escalated_at        timestamptz,
    -- Who asked: a user (by API), or the run and step of an agent.
    requester_user_id   uuid        references users (id) on delete set null,
    requester_run_id    uuid,
    requester_step_id   uuid,
    status              text        not null check (status in ('PENDING', 'ANSWERED', 'TIMED_OUT', 'CANCELLED')),
    answer              text,
    answered_by         uuid        references users (id) on delete set null,
    answered_via        text,
    answered_at         timestamptz,
    -- When the deadline passed for a request that keeps waiting (on_timeout WAIT).
    expired_at          timestamptz,
    created_at          timestamptz not null,
    ended_at            timestamptz
);

create index feedback_requests_recipient_idx on feedback_requests (recipient_id, created_at desc, id desc);
create index feedback_requests_escalated_to_idx on feedback_requests (escalate_to_user_id, created_at desc, id desc)
    where escalate_to_user_id is not null;
-- The sweeper's two questions: whose deadline passed, whose escalation is due.
create index feedback_requests_deadline_idx on feedback_requests (deadline)
    where status = 'PENDING' and expired_at is null;
create index feedback_requests_escalation_idx on feedback_requests (escalate_at)
    where status = 'PENDING' and escalated_at is null and escalate_at is not null;
create index feedback_requests_step_idx on feedback_requests (requester_step_id) where requester_step_id is not null;

-- agents: a tool call's approval may be decided by its feedback request's timeout, which is never a
-- person's decision: it has no decider and says it timed out. A run may end because nobody answered.
alter table approval_decisions alter column decided_by drop not null;
alter table approval_decisions add column timed_out boolean not null default false;
alter table runs drop constraint runs_stop_reason_check;
alter table runs add constraint runs_stop_reason_check check (stop_reason in ('ANSWERED', 'MAX_STEPS',
    'TOOL_CALL_CAP', 'TIME_BUDGET', 'TOKEN_BUDGET', 'CANCELLED', 'ERROR', 'INVALID_OUTPUT', 'FEEDBACK_TIMEOUT'));
