-- Why a model's reply failed (provider error, timeout ...), shown with the reply.
alter table messages add column error text;

-- The sweeper finds replies left streaming by a crashed node.
create index messages_streaming_idx on messages (updated_at) where status = 'STREAMING';
