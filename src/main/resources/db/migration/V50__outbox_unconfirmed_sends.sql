-- outbox: sends whose provider call ended without an answer (a timeout, a node killed mid-call) are
-- UNCONFIRMED until the provider's status report (which names the row) arrives or the wait is over;
-- then they are sent once more, or, on an at-most-once line, shown to operators.
alter table channel_outbox drop constraint channel_outbox_status_check;
alter table channel_outbox add constraint channel_outbox_status_check
    check (status in ('PENDING', 'CLAIMED', 'SENDING', 'UNCONFIRMED', 'SENT', 'FAILED'));
-- set when an unconfirmed send was handed back to be sent once more: never a third time
alter table channel_outbox add column resent_unconfirmed boolean not null default false;
drop index channel_outbox_stuck_idx;
create index channel_outbox_stuck_idx on channel_outbox (locked_until) where status in ('CLAIMED', 'SENDING', 'UNCONFIRMED');
drop index channel_outbox_contact_unsent_idx;
create index channel_outbox_contact_unsent_idx on channel_outbox (contact_id, id)
    where status in ('PENDING', 'CLAIMED', 'SENDING', 'UNCONFIRMED');
