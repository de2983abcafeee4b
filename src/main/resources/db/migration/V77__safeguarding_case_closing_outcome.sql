-- safeguarding: the outcome a focal point closes a case with, from a fixed list (the note stays in
-- safeguarding_case.outcome) -----------------------------------------------------------------------
alter table safeguarding_case add column outcome_code text
    check (outcome_code in ('SUPPORTED', 'REFERRED_ONGOING', 'PERSON_DECLINED', 'LOST_CONTACT', 'INVESTIGATION', 'UNFOUNDED', 'OTHER'));
