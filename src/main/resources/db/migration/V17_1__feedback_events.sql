-- The audit trail of every feedback request: its creation, each delivery (per channel, delivered
-- or failed), each answer (accepted or refused), its expiry, escalation and cancellation. Written
-- once, never changed.

create table feedback_events (
    id         uuid primary key,
    request_id uuid        not null references feedback_requests (id) on delete cascade,
    type       text        not null check (type in ('REQUESTED', 'DELIVERED', 'DELIVERY_FAILED', 'ANSWERED',
                                                    'ANSWER_REFUSED', 'EXPIRED', 'TIMED_OUT', 'ESCALATED', 'CANCELLED')),
    channel    text,
    -- The person who acted (who answered), when one did.
    actor_id   uuid,
    detail     text,
    at         timestamptz not null
);

create index feedback_events_request_idx on feedback_events (request_id, at, id);
