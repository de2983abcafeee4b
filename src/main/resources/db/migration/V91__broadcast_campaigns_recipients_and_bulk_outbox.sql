-- broadcasts: campaigns, the people each one is for (one row per campaign and person, so nobody is
-- queued twice), a line's sending rules for them, and which outbox rows are bulk (they go after
-- replies to people writing in).
create table broadcast_campaign (
    id           bigserial primary key,
    line_id      bigint not null references admin_line (id),
    name         text not null,
    audience     jsonb not null,
    message      jsonb not null,
    status       text not null check (status in ('DRAFT', 'SCHEDULED', 'RUNNING', 'PAUSED', 'COMPLETED', 'CANCELLED')),
    -- why a campaign is paused: USER, or DAILY_LIMIT (resumes by itself at resume_at)
    pause_reason text,
    resume_at    timestamptz,
    start_at     timestamptz,
    recipients   integer not null default 0,
    created_by   bigint references admin_user (id),
    created_at   timestamptz not null default now(),
    started_at   timestamptz,
    finished_at  timestamptz
);
create index broadcast_campaign_line_idx on broadcast_campaign (line_id, created_at desc);
create index broadcast_campaign_active_idx on broadcast_campaign (status) where status in ('SCHEDULED', 'RUNNING', 'PAUSED');

create table broadcast_recipient (
    id           bigserial primary key,
    campaign_id  bigint not null references broadcast_campaign (id) on delete cascade,
    line_id      bigint not null references admin_line (id),
    contact_id   bigint not null references contact_contact (id),
    status       text not null default 'QUEUED' check (status in ('QUEUED', 'SENDING', 'SENT', 'DELIVERED', 'READ', 'FAILED',
                     'SKIPPED_OPTED_OUT', 'SKIPPED_FREQUENCY_CAP', 'SKIPPED_WINDOW_CLOSED', 'CANCELLED')),
    reason       text,
    -- when it joined the outbox: counts towards the person's frequency cap and the number's daily limit
    enqueued_at  timestamptz,
    updated_at   timestamptz not null default now(),
    unique (campaign_id, contact_id)
);
create index broadcast_recipient_queued_idx on broadcast_recipient (campaign_id, id) where status = 'QUEUED';
create index broadcast_recipient_contact_idx on broadcast_recipient (contact_id, enqueued_at) where enqueued_at is not null;
create index broadcast_recipient_reach_idx on broadcast_recipient (line_id, enqueued_at) where enqueued_at is not null;

create table broadcast_line_settings (
    line_id          bigint primary key references admin_line (id),
    -- no broadcast is sent between these local times (in the line's time zone); null: none
    quiet_from       time,
    quiet_until      time,
    -- broadcasts one person receives at most in 7 days, over all campaigns
    weekly_cap       integer not null default 3 check (weekly_cap > 0),
    -- unique people the number may reach in 24 hours (Meta's messaging tier: 250, 2000, 10000, 100000); null:
    -- none on channels without one, 250 (the first tier) on WhatsApp
    daily_limit      integer check (daily_limit > 0)
);

alter table channel_outbox add column bulk boolean not null default false;
-- for a bulk row, the consent it needs (e.g. BROADCASTS), checked again just before it is sent
alter table channel_outbox add column consent_purpose text;
create index channel_outbox_bulk_waiting_idx on channel_outbox (line_id) where bulk and status in ('PENDING', 'CLAIMED');
