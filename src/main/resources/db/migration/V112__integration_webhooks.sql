-- integration: outgoing webhooks an organisation subscribes to (Power BI, Kobo, a CRM), and each
-- delivery of an event to one of them. Payloads carry codes and ids, never a person's words or number.
create table integration_webhook (
    id               bigserial primary key,
    organisation_id  bigint not null references admin_organisation (id),
    url              text not null,
    secret_encrypted bytea not null,
    events           text[] not null,
    active           boolean not null default true,
    created_by       bigint references admin_user (id),
    created_at       timestamptz not null default now()
);
create index integration_webhook_organisation_idx on integration_webhook (organisation_id) where active;

create table integration_delivery (
    id               bigserial primary key,
    webhook_id       bigint not null references integration_webhook (id) on delete cascade,
    event_id         uuid not null,
    event_type       text not null,
    payload          jsonb not null,
    status           text not null default 'PENDING' check (status in ('PENDING', 'DELIVERED', 'FAILED')),
    attempts         integer not null default 0,
    last_status      integer,
    last_error       text,
    created_at       timestamptz not null default now(),
    delivered_at     timestamptz,
    unique (webhook_id, event_id)
);
create index integration_delivery_webhook_idx on integration_delivery (webhook_id, id desc);
