-- what a broadcast is for: an audience read from the consent ledger when it starts (BROADCAST), or people
-- listed when it is created: those who raised feedback themes or rumours (ANNOUNCEMENT, BROADCASTS consent
-- checked at each turn) and everyone who wrote in lately when their line closes (CLOSURE, a service
-- message: opt-outs honoured, no purpose consent needed)
alter table broadcast_campaign add column kind text not null default 'BROADCAST'
    check (kind in ('BROADCAST', 'ANNOUNCEMENT', 'CLOSURE'));

-- a person listed for an announcement who never gave their BROADCASTS consent is counted, not sent to
alter table broadcast_recipient drop constraint broadcast_recipient_status_check;
alter table broadcast_recipient add constraint broadcast_recipient_status_check check (status in ('QUEUED', 'SENDING', 'SENT',
    'DELIVERED', 'READ', 'FAILED', 'SKIPPED_OPTED_OUT', 'SKIPPED_NO_CONSENT', 'SKIPPED_FREQUENCY_CAP', 'SKIPPED_WINDOW_CLOSED',
    'CANCELLED'));
