-- A rumour group is named by a coordinator in neutral words; until then it has no name (it is shown
-- by number), never what a person wrote. Names taken from a reported message are removed.
alter table feedback_rumour alter column title drop not null;

update feedback_rumour r set title = null
where exists (
    select 1 from feedback_rumour_report p
    where p.rumour_id = r.id
      and left(regexp_replace(btrim(p.text), '\s+', ' ', 'g'), char_length(rtrim(r.title, '…'))) = rtrim(r.title, '…'));
