-- contact: WhatsApp's business-scoped user id (BSUID, "US.13491208655302741918"), kept beside the
-- number so a person stays one contact with one code whether Meta shows their number, their BSUID or
-- both. Looked up by keyed hash only, like numbers; encrypted with the person's data key.
alter table contact_contact add column bsuid_hash bytea;
alter table contact_contact add column bsuid_encrypted bytea;
create unique index contact_contact_bsuid_idx on contact_contact (line_id, bsuid_hash) where bsuid_hash is not null;
