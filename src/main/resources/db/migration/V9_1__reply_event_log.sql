-- The event index of a reply: how its stream was numbered, so that a reader on any node replays the
-- same events with the same sequence numbers as the node that generates it. A JSON array whose
-- element i is the event with sequence number i + 1: a number for a delta (the length of its text, in
-- UTF-16 code units, taken in order from the content), an object {"type": ..., ...} for any other event
-- (tool_call, tool_result, approval_required). Saved with the content (at least every second while the
-- reply is written, and with its ending); the ending event (done or error) follows the last entry.
-- Null for messages that are no replies and for replies written before it existed.
alter table messages add column event_index jsonb;
