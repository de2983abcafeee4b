-- Single-use recovery codes for a lost authenticator: only a keyed hash (HMAC-SHA256) of each is kept.
create table mfa_recovery_code (
    id          bigserial primary key,
    user_id     bigint not null references admin_user (id) on delete cascade,
    code_hash   bytea not null unique,
    created_at  timestamptz not null default now(),
    used_at     timestamptz
);
create index mfa_recovery_code_user_idx on mfa_recovery_code (user_id);
