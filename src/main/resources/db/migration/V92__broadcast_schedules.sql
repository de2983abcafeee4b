-- broadcast schedules: recurring broadcasts (e.g. Mon/Wed/Fri 10:00 in the line's time zone) that send
-- the key messages of a content calendar in turn, one per run.
create table broadcast_schedule (
    id             bigserial primary key,
    line_id        bigint not null references admin_line (id),
    name           text not null,
    audience       jsonb not null,
    -- ISO days of the week, 1 (Monday) to 7 (Sunday)
    days           smallint[] not null,
    at_time        time not null,
    -- the content calendar: key messages of the bank, sent in this order, then from the start again
    entries        text[] not null,
    -- an approved template for people outside WhatsApp's window (JSON as in a broadcast's message)
    template       jsonb,
    next_position  integer not null default 0,
    last_run_on    date,
    active         boolean not null default true,
    created_by     bigint references admin_user (id),
    created_at     timestamptz not null default now()
);
create index broadcast_schedule_active_idx on broadcast_schedule (line_id) where active;
alter table broadcast_campaign add column schedule_id bigint references broadcast_schedule (id);
