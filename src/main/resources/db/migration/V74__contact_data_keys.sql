-- contact: one data key per person (per line and number), wrapped by the master key. A person's
-- number, name, raw payloads and media are encrypted with it; erasing the person deletes the key, so
-- copies of those ciphertexts (in backups too) can no longer be read. Rotating the master key
-- re-wraps these keys only.
create table contact_data_key (
    id           bigserial primary key,
    line_id      bigint not null references admin_line (id),
    phone_hash   bytea not null,
    wrapped_key  bytea not null,
    created_at   timestamptz not null default now(),
    unique (line_id, phone_hash)
);

-- channel: which data key the media will be encrypted with once downloaded
alter table channel_media add column data_key_id bigint;
