-- how a line closes: the last message with alternative contacts, sent as a broadcast to everyone who wrote
-- in during the last active_days, and the referral answered to anyone writing in after closes_at
create table closure_line_closure (
    line_id       bigint primary key references admin_line (id),
    -- the last message: per-language texts ({"es": "...", "en": "..."}) or a key message of the bank
    texts         jsonb,
    entry_key     text,
    alternatives  text not null,
    active_days   integer not null check (active_days > 0),
    closes_at     timestamptz not null,
    -- the broadcast campaign of the last message (no foreign key: the broadcasts module owns its rows)
    broadcast_id  bigint not null,
    recipients    integer not null,
    closed_by     bigint references admin_user (id),
    created_at    timestamptz not null default now()
);
