-- Personal data columns that erasure and retention empty: they may now be null. An erased contact
-- keeps its row (code, dates) so conversations and the anonymous feedback log still point somewhere.
alter table contact_contact
    alter column phone_hash drop not null,
    alter column phone_encrypted drop not null,
    add column erased_at timestamptz;
alter table channel_inbound_event alter column payload_encrypted drop not null;
alter table channel_inbound_message
    alter column sender_hash drop not null,
    alter column sender_encrypted drop not null;
alter table channel_simulator_message alter column phone_hash drop not null;
alter table feedback_rumour_report alter column text drop not null;
