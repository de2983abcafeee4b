-- channel: real providers (WhatsApp Cloud API, Twilio), delivery reports, media, templates, pacing.

-- A line's provider account. Identifiers are plain; tokens and secrets are one AES-GCM encrypted JSON
-- document that is decrypted only to call the provider or check a signature, never shown again.
create table channel_account (
    line_id                 bigint primary key references admin_line (id),
    settings                jsonb not null,
    secrets_encrypted       bytea not null,
    -- shown on the setup page to paste into Meta's console, so it can be decrypted for display
    verify_token_encrypted  bytea,
    -- messages per second this line may send (80 for a WhatsApp Cloud API number, 1 for a Twilio long code)
    send_rate               numeric(8, 3) not null check (send_rate > 0),
    updated_at              timestamptz not null default now()
);

-- The next free sending slot of each line, shared by every node; a provider's rate-limit answer pushes it forward.
create table channel_send_pace (
    line_id       bigint primary key references admin_line (id),
    next_slot_at  timestamptz not null default now()
);

-- Every provider report on an outgoing message, once per (message, status): a provider's retry is
-- ignored, and a report that arrives before the send call returned waits here for its message.
create table channel_delivery_report (
    id                   bigserial primary key,
    line_id              bigint not null references admin_line (id),
    provider_message_id  text not null,
    status               text not null check (status in ('SENT', 'DELIVERED', 'READ', 'FAILED')),
    error_code           text,
    occurred_at          timestamptz not null,
    received_at          timestamptz not null default now(),
    unique (line_id, provider_message_id, status)
);

-- Media a person sent: fetched from the provider with the line's credentials after the webhook was
-- acknowledged, stored encrypted (it is personal data) with a size limit.
create table channel_media (
    id              bigserial primary key,
    line_id         bigint not null references admin_line (id),
    -- WhatsApp media id, or the Twilio media URL
    provider_ref    text not null,
    content_type    text,
    status          text not null default 'PENDING' check (status in ('PENDING', 'STORED', 'FAILED')),
    size_bytes      bigint,
    data_encrypted  bytea,
    attempts        integer not null default 0,
    next_attempt_at timestamptz not null default now(),
    last_error      text,
    created_at      timestamptz not null default now(),
    stored_at       timestamptz
);
-- serves FetchInboundMedia: media still to download
create index channel_media_pending_idx on channel_media (next_attempt_at, id) where status = 'PENDING';

-- Approved templates a line may send outside WhatsApp's 24-hour window. For WhatsApp Cloud API the
-- name is the template name in Meta's manager; for Twilio it is the Content SID (HX...).
create table channel_template (
    id        bigserial primary key,
    line_id   bigint not null references admin_line (id),
    name      text not null,
    language  text not null,
    -- the approved wording with {{1}}, {{2}}... placeholders, shown to operators
    body      text not null,
    unique (line_id, name, language)
);

-- The outbox now carries rich content (buttons, lists, media, templates) and long SMS split in parts.
alter table channel_outbox drop constraint channel_outbox_message_id_key;
alter table channel_outbox add column part smallint not null default 1;
alter table channel_outbox add constraint channel_outbox_message_part_key unique (message_id, part);
alter table channel_outbox add column content jsonb;
alter table channel_outbox add column segments smallint;
-- rate-limit answers so far: they back off like failures but do not use up the attempts
alter table channel_outbox add column throttled smallint not null default 0;
-- CLAIMED: taken by a node, not yet handed to the provider (safe to requeue);
-- SENDING: the provider call is under way (a crash here is resolved by the provider's status report)
alter table channel_outbox drop constraint channel_outbox_status_check;
alter table channel_outbox add constraint channel_outbox_status_check
    check (status in ('PENDING', 'CLAIMED', 'SENDING', 'SENT', 'FAILED'));
drop index channel_outbox_stuck_idx;
create index channel_outbox_stuck_idx on channel_outbox (locked_until) where status in ('CLAIMED', 'SENDING');
-- serves the claim's ordering rule: one message in flight per person, in the order written
create index channel_outbox_contact_unsent_idx on channel_outbox (contact_id, id) where status in ('PENDING', 'CLAIMED', 'SENDING');

-- serves the reply window: when did this person last write to this line
create index channel_inbound_message_sender_idx on channel_inbound_message (line_id, sender_hash, received_at);
