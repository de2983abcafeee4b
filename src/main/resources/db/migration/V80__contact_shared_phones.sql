-- contact: shared (community) phones. Whether a number is the person's own or shared by several people,
-- who said so (an operator in the inbox, or the person answering the closing question) and when. On a
-- shared phone consent and demographics belong to one interaction (conversation), never to the number.
alter table contact_contact
    add column phone_use text not null default 'UNKNOWN' check (phone_use in ('UNKNOWN', 'OWN', 'SHARED')),
    add column phone_use_source text check (phone_use_source in ('OPERATOR', 'PERSON')),
    add column phone_use_at timestamptz;

-- The interaction a consent answer was given in; null for the number's own events (an opt-out keyword).
alter table contact_consent_event add column conversation_id bigint;
update contact_consent_event e set conversation_id = f.conversation_id
from bot_closing_flow f
where f.contact_id = e.contact_id and e.source = 'closing-flow'
  and e.occurred_at >= f.started_at and (f.finished_at is null or e.occurred_at <= f.finished_at);
-- serves ContactService.consentedDemographics on a shared phone: the consent given in this interaction
create index contact_consent_event_conversation_idx on contact_consent_event (conversation_id) where conversation_id is not null;

-- Demographics given in one interaction on a shared phone (on a person's own phone they stay in
-- contact_demographics, one row per number). Same answers and consent rule as contact_demographics.
create table contact_interaction_demographics (
    conversation_id  bigint primary key,
    contact_id       bigint not null references contact_contact (id) on delete cascade,
    gender           text,
    age_range        text,
    location         text,
    migrant_status   text,
    consent_event_id bigint references contact_consent_event (id),
    updated_at       timestamptz not null default now()
);
-- serves erasure and the export of one person
create index contact_interaction_demographics_contact_idx on contact_interaction_demographics (contact_id);
