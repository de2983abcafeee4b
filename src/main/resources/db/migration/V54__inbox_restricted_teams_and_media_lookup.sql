-- Restricted teams: only their members open the conversations in their queue; others see that such
-- a conversation exists (code, time), not what it says. Every line gets a restricted safeguarding team.
alter table inbox_team add column restricted boolean not null default false;

insert into inbox_team (line_id, team_key, name, restricted)
select id, 'safeguarding', 'Protección / Safeguarding', true from admin_line
on conflict (line_id, team_key) do update set restricted = true;

-- finds the conversations a stored media was sent in, to check who may see it
create index conversation_message_media_idx on conversation_message (media_ref) where media_ref is not null;
