-- What the provider says about each template: where it came from, its review status and its category
-- (Meta caps MARKETING templates per person, error 131049), and when it was last read from the provider.
-- Templates typed in by an administrator stay MANUAL and APPROVED (they vouch for them) until a sync
-- from the provider replaces them. The parameter count is read from the wording ({{1}}, {{2}}...), not stored.
alter table channel_template
    add column source          text not null default 'MANUAL' check (source in ('MANUAL', 'WHATSAPP', 'TWILIO')),
    add column status          text not null default 'APPROVED',
    add column category        text,
    -- Meta's template id or Twilio's Content SID (HX...); the id template webhooks name
    add column provider_id     text,
    -- Twilio's friendly name (the template's name there is its Content SID, which is what a send names)
    add column label           text,
    add column synced_at       timestamptz;

-- the template webhooks of Meta name the template by its id: finds the line's row for it
create index channel_template_provider_id on channel_template (provider_id) where provider_id is not null;
