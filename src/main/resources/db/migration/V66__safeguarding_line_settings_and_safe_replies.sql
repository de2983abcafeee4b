-- safeguarding: per line, the emergency numbers told to a person at risk and how long an urgent case
-- may wait unacknowledged before it re-alerts and escalates, and the safe replies that
-- a coordinator writes to replace the shipped ones (per category, or URGENT, and language) -----------
create table safeguarding_line_settings (
    line_id            bigint primary key references admin_line (id),
    -- as the person should read them, e.g. "Policía 105 · Línea 100 · SAMU 106"
    emergency_numbers  text not null default '' check (length(emergency_numbers) <= 300),
    ack_minutes        integer not null default 10 check (ack_minutes between 1 and 1440),
    updated_at         timestamptz not null default now(),
    updated_by         bigint references admin_user (id)
);

create table safeguarding_safe_reply (
    id          bigserial primary key,
    line_id     bigint not null references admin_line (id),
    -- a category of safeguarding.Category, or URGENT for any report where life or safety is at risk now
    category    text not null check (category in ('SEA', 'FRAUD', 'GBV', 'CHILD', 'TRAFFICKING', 'SELF_HARM', 'CONDUCT', 'URGENT')),
    language    text not null check (language ~ '^[a-z]{2}$'),
    text        text not null check (length(text) between 1 and 1000),
    -- only a validated reply is sent; a draft waits for a coordinator, as bank entries do
    status      text not null default 'DRAFT' check (status in ('DRAFT', 'VALIDATED')),
    updated_at  timestamptz not null default now(),
    updated_by  bigint references admin_user (id),
    unique (line_id, category, language)
);
