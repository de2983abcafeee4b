-- people without WhatsApp (131026): the SMS line of the organisation sends them the broadcast's text,
-- where their consent allows; what happened is kept on their recipient row.
alter table broadcast_recipient add column fallback_status text check (fallback_status in ('PENDING', 'QUEUED', 'SENT', 'DELIVERED',
    'READ', 'FAILED', 'SKIPPED_NO_SMS_LINE', 'SKIPPED_NO_CONSENT', 'SKIPPED_NO_NUMBER', 'SKIPPED_NO_TEXT'));
-- the SMS line that sent it, the provider's error code when it failed, and when it joined the SMS outbox
alter table broadcast_recipient add column fallback_line_id bigint references admin_line (id);
alter table broadcast_recipient add column fallback_reason text;
alter table broadcast_recipient add column fallback_at timestamptz;
-- SendSmsFallbacks: the recipients waiting for their SMS
create index broadcast_recipient_fallback_pending_idx on broadcast_recipient (id) where fallback_status = 'PENDING';
