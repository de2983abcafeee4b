-- privacy: the audit log becomes a hash chain. Each entry holds the hash of the one before and its own
-- hash over its fields and that link, so a changed or removed entry breaks the chain at that point.
alter table privacy_audit_log
    add column prev_hash bytea,
    add column entry_hash bytea;

-- one row: where the chain starts (entries before it were written unchained, or pruned by retention,
-- whose last hash is kept as the anchor) and its head (so removing the newest entries shows too)
create table privacy_audit_chain (
    id               smallint primary key check (id = 1),
    start_after_id   bigint not null,
    start_hash       bytea,
    head_id          bigint,
    head_hash        bytea
);
insert into privacy_audit_chain (id, start_after_id) select 1, coalesce(max(id), 0) from privacy_audit_log;

create index privacy_audit_log_user_idx on privacy_audit_log (username, occurred_at);
create index privacy_audit_log_action_idx on privacy_audit_log (action, occurred_at);
