-- bot: the closing questions run on the survey engine (form survey/closing.xlsx). A flow keeps the
-- answers given so far, by question name, for the form's `relevant` expressions, and its step is the
-- name of the question waiting for an answer (the form's names are the old step names in lower case).
alter table bot_closing_flow add column answers jsonb not null default '{}';
update bot_closing_flow set step = lower(step);
update bot_closing_flow f set answers = jsonb_build_object('consent_demographics', 'YES')
from contact_consent_event e
where e.id = f.demographics_consent_id and e.event = 'GIVEN' and f.finished_at is null;
