-- audience: the tags people were imported with (e.g. a programme, a district), and an index that
-- finds a contact's latest consent event per purpose, which every audience reads.
create table audience_contact_tag (
    contact_id  bigint not null references contact_contact (id) on delete cascade,
    tag         text not null,
    primary key (contact_id, tag)
);
create index audience_contact_tag_tag_idx on audience_contact_tag (tag, contact_id);
create index contact_consent_event_purpose_idx on contact_consent_event (contact_id, purpose, occurred_at desc, id desc);
