-- conversation: when a reply may not have reached the person (its send was never confirmed and is
-- not repeated), so operators see it; cleared when an operator writes again.
alter table conversation_conversation add column delivery_doubt_at timestamptz;
