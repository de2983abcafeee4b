-- Foundation schema. Tables are named <feature>_<thing>; only that feature's code touches them.

-- admin: organisations, lines, users, roles, API tokens ---------------------------------------
create table admin_organisation (
    id          bigserial primary key,
    slug        text not null unique check (slug ~ '^[a-z0-9][a-z0-9-]{1,39}$'),
    name        text not null,
    created_at  timestamptz not null default now()
);

create table admin_line (
    id               bigserial primary key,
    organisation_id  bigint not null references admin_organisation (id),
    line_key         text not null unique check (line_key ~ '^[a-z0-9][a-z0-9-]{1,39}$'),
    name             text not null,
    channel_type     text not null check (channel_type in ('SIMULATOR', 'WHATSAPP_CLOUD', 'TWILIO_SMS', 'TWILIO_WHATSAPP')),
    country_code     char(2) not null check (country_code ~ '^[A-Z]{2}$'),
    time_zone        text not null,
    languages        text[] not null check (cardinality(languages) > 0),
    -- e.g. 'MON-FRI 08:00-18:00; SAT 09:00-13:00'; empty means always open
    opening_hours    text not null default '',
    retention_days   integer not null default 30 check (retention_days between 1 and 3650),
    active           boolean not null default true,
    created_at       timestamptz not null default now()
);
create index admin_line_organisation_idx on admin_line (organisation_id);

create table admin_user (
    id                bigserial primary key,
    username          text not null unique check (username = lower(username) and username ~ '^[a-z0-9._@-]{2,64}$'),
    display_name      text not null,
    password_hash     text not null,
    enabled           boolean not null default true,
    preferred_locale  text,
    created_at        timestamptz not null default now(),
    last_login_at     timestamptz
);

-- A role held in one organisation; organisation_id null means installation-wide (ADMIN only).
create table admin_membership (
    id               bigserial primary key,
    user_id          bigint not null references admin_user (id) on delete cascade,
    organisation_id  bigint references admin_organisation (id) on delete cascade,
    role             text not null check (role in ('ADMIN', 'COORDINATOR', 'OPERATOR', 'SPECIALIST', 'SAFEGUARDING', 'ANALYST')),
    check (organisation_id is not null or role = 'ADMIN')
);
create unique index admin_membership_unique_idx on admin_membership (user_id, coalesce(organisation_id, 0), role);

-- Personal access tokens for the REST API: only a SHA-256 of the token is kept.
create table admin_api_token (
    id            bigserial primary key,
    user_id       bigint not null references admin_user (id) on delete cascade,
    name          text not null,
    token_hash    bytea not null unique,
    token_prefix  text not null,
    created_at    timestamptz not null default now(),
    last_used_at  timestamptz,
    revoked_at    timestamptz
);
create index admin_api_token_user_idx on admin_api_token (user_id);

-- contact: people who write in, pseudonymous per line ------------------------------------------
create table contact_contact (
    id               bigserial primary key,
    line_id          bigint not null references admin_line (id),
    code             text not null,
    phone_hash       bytea not null,
    phone_encrypted  bytea not null,
    name_encrypted   bytea,
    language         text,
    opted_out_at     timestamptz,
    created_at       timestamptz not null default now(),
    last_seen_at     timestamptz not null default now(),
    unique (line_id, phone_hash),
    unique (line_id, code)
);

-- Correlative numbers of the codes, per line and year (26PE0001, 26PE0002, ...).
create table contact_code_sequence (
    line_id     bigint not null references admin_line (id),
    year        smallint not null,
    last_value  integer not null,
    primary key (line_id, year)
);

-- Consent is a ledger of events, never a boolean.
create table contact_consent_event (
    id               bigserial primary key,
    contact_id       bigint not null references contact_contact (id) on delete cascade,
    purpose          text not null,
    event            text not null check (event in ('ASKED', 'GIVEN', 'REFUSED', 'WITHDRAWN')),
    wording_version  text,
    source           text not null,
    occurred_at      timestamptz not null default now()
);
create index contact_consent_event_contact_idx on contact_consent_event (contact_id, occurred_at);

-- channel: what providers sent us, and what we must send -------------------------------------
-- The raw payload as received (encrypted: it carries phone numbers), kept for inspection.
create table channel_inbound_event (
    id                 bigserial primary key,
    line_id            bigint references admin_line (id),
    channel_type       text not null,
    received_at        timestamptz not null default now(),
    content_type       text,
    payload_encrypted  bytea not null,
    outcome            text not null check (outcome in ('ACCEPTED', 'DUPLICATE', 'REJECTED')),
    reason             text
);
create index channel_inbound_event_received_idx on channel_inbound_event (received_at);

-- The normalised inbound message, waiting for the pipeline until processed_at is set.
create table channel_inbound_message (
    id                   bigserial primary key,
    line_id              bigint not null references admin_line (id),
    event_id             bigint not null references channel_inbound_event (id),
    provider_message_id  text not null,
    sender_hash          bytea not null,
    sender_encrypted     bytea not null,
    sender_name_encrypted bytea,
    kind                 text not null,
    body                 text,
    media_ref            text,
    provider_timestamp   timestamptz,
    received_at          timestamptz not null default now(),
    attempts             integer not null default 0,
    processed_at         timestamptz,
    last_error           text,
    -- idempotency: a provider's retry of the same message is acknowledged and ignored
    unique (line_id, provider_message_id)
);
-- serves the pipeline's recovery poll: oldest unprocessed first
create index channel_inbound_message_pending_idx on channel_inbound_message (id) where processed_at is null;

-- Every outgoing message goes through this table; DrainOutbox sends it.
create table channel_outbox (
    id                   bigserial primary key,
    line_id              bigint not null references admin_line (id),
    message_id           bigint not null unique,
    contact_id           bigint not null references contact_contact (id),
    body                 text,
    media_ref            text,
    status               text not null default 'PENDING' check (status in ('PENDING', 'SENDING', 'SENT', 'FAILED')),
    attempts             integer not null default 0,
    next_attempt_at      timestamptz not null default now(),
    locked_until         timestamptz,
    provider_message_id  text,
    last_error           text,
    created_at           timestamptz not null default now(),
    sent_at              timestamptz
);
-- serves DrainOutbox: due messages in order
create index channel_outbox_due_idx on channel_outbox (next_attempt_at, id) where status = 'PENDING';
create index channel_outbox_stuck_idx on channel_outbox (locked_until) where status = 'SENDING';
-- serves status callbacks, which name the provider's id
create index channel_outbox_provider_idx on channel_outbox (line_id, provider_message_id) where provider_message_id is not null;

-- conversation: interactions and their messages ------------------------------------------------
create table conversation_conversation (
    id                  bigserial primary key,
    line_id             bigint not null references admin_line (id),
    contact_id          bigint not null references contact_contact (id),
    -- the contact's pseudonymous code, copied here because it never changes and every list shows it
    contact_code        text not null,
    state               text not null check (state in ('BOT', 'QUEUED', 'ASSIGNED', 'CLOSED')),
    language            text not null,
    assignee_id         bigint references admin_user (id),
    opened_at           timestamptz not null default now(),
    queued_at           timestamptz,
    assigned_at         timestamptz,
    first_response_at   timestamptz,
    -- the person's oldest message not yet answered by a person or the bot; null when answered
    waiting_since       timestamptz,
    last_inbound_at     timestamptz,
    last_message_at     timestamptz not null default now(),
    closed_at           timestamptz,
    closed_by           bigint references admin_user (id),
    close_reason        text
);
-- at most one open conversation per contact
create unique index conversation_open_per_contact_idx on conversation_conversation (contact_id) where state <> 'CLOSED';
-- serves the inbox queue of a line
create index conversation_queue_idx on conversation_conversation (line_id, state, waiting_since) where state in ('QUEUED', 'ASSIGNED');
create index conversation_contact_idx on conversation_conversation (contact_id, opened_at);

create table conversation_message (
    id                   bigserial primary key,
    conversation_id      bigint not null references conversation_conversation (id),
    line_id              bigint not null references admin_line (id),
    direction            text not null check (direction in ('IN', 'OUT', 'NOTE')),
    sender_kind          text not null check (sender_kind in ('CONTACT', 'BOT', 'OPERATOR', 'SYSTEM')),
    author_id            bigint references admin_user (id),
    channel_message_id   text,
    body                 text,
    media_ref            text,
    status               text not null check (status in ('RECEIVED', 'QUEUED', 'SENT', 'DELIVERED', 'READ', 'FAILED')),
    error_code           text,
    created_at           timestamptz not null default now(),
    sent_at              timestamptz,
    delivered_at         timestamptz,
    read_at              timestamptz,
    failed_at            timestamptz
);
-- serves the conversation view: messages in order
create index conversation_message_conversation_idx on conversation_message (conversation_id, id);

-- privacy: who saw or changed what -----------------------------------------------------------
create table privacy_audit_log (
    id               bigserial primary key,
    occurred_at      timestamptz not null default now(),
    user_id          bigint,
    username         text,
    organisation_id  bigint,
    action           text not null,
    subject_type     text not null,
    subject_id       text,
    detail           jsonb
);
create index privacy_audit_log_subject_idx on privacy_audit_log (subject_type, subject_id);
create index privacy_audit_log_time_idx on privacy_audit_log (occurred_at);

-- channel/simulator: the simulated phones, what each person sent and received ------------------
create table channel_simulator_message (
    id                   bigserial primary key,
    line_id              bigint not null references admin_line (id),
    phone_hash           bytea not null,
    direction            text not null check (direction in ('FROM_PERSON', 'TO_PERSON')),
    provider_message_id  text not null,
    body                 text,
    status               text not null,
    created_at           timestamptz not null default now(),
    unique (line_id, provider_message_id)
);
-- serves a phone's thread
create index channel_simulator_message_phone_idx on channel_simulator_message (line_id, phone_hash, id);
