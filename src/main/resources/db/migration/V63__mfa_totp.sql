-- Two-step sign-in: each user's TOTP authenticator (RFC 6238). Secrets are encrypted with FieldCipher.
create table mfa_totp (
    user_id                   bigint primary key references admin_user (id) on delete cascade,
    -- the confirmed authenticator; null until a code from the app confirms one
    secret_encrypted          bytea,
    -- shown on the enrolment page and not yet confirmed (also while replacing a confirmed one)
    pending_secret_encrypted  bytea,
    enrolled_at               timestamptz,
    -- the 30-second step of the last accepted code: codes of this step or earlier are refused (no reuse)
    last_used_step            bigint,
    -- wrong codes lately, for throttling guesses at the second step
    failed_attempts           integer not null default 0,
    last_failed_at            timestamptz
);
