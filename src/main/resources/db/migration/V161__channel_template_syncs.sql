-- The last reading of a line's templates from its provider: when, how many, and what went wrong if it failed.
-- Once a line has synced, the provider's list is the truth for it (unknown or unapproved templates are refused).
create table channel_template_sync (
    line_id    bigint primary key references admin_line (id),
    synced_at  timestamptz not null,
    succeeded  boolean not null,
    templates  integer not null default 0,
    error      text
);
