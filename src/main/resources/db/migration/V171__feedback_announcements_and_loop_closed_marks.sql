-- "you said, we did": an announcement to the people who raised feedback themes (codebook topics) or
-- rumour groups, sent as a broadcast; the feedback records of those it was sent to carry its mark.
create table feedback_announcement (
    id            bigserial primary key,
    line_id       bigint not null references admin_line (id),
    name          text not null,
    themes        text[] not null default '{}',
    rumour_ids    bigint[] not null default '{}',
    -- the broadcast campaign sending it (no foreign key: the broadcasts module owns its rows)
    broadcast_id  bigint not null,
    -- people it is sent to (their BROADCASTS consent given) and people skipped
    recipients    integer not null,
    skipped       integer not null,
    created_by    bigint references admin_user (id),
    created_at    timestamptz not null default now()
);
create index feedback_announcement_line_idx on feedback_announcement (line_id, created_at desc);

-- the loop closed on a record: the last announcement sent about it to its person, and when
alter table feedback_log add column loop_announcement_id bigint references feedback_announcement (id);
alter table feedback_log add column loop_closed_at timestamptz;
