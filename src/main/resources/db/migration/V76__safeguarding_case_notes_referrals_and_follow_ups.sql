-- safeguarding: a case's notes, its referrals to the line's services (with the person's consent) and
-- each referral's follow-ups. Texts are case content: null once erased (retention, a person's erasure) --
create table safeguarding_case_note (
    id          bigserial primary key,
    case_id     bigint not null references safeguarding_case (id),
    author_id   bigint not null references admin_user (id),
    created_at  timestamptz not null default now(),
    text        text check (length(text) between 1 and 4000)
);
create index safeguarding_case_note_case_idx on safeguarding_case_note (case_id, created_at);

create table safeguarding_referral (
    id           bigserial primary key,
    case_id      bigint not null references safeguarding_case (id),
    service_id   bigint not null references safeguarding_service (id),
    referred_at  timestamptz not null default now(),
    referred_by  bigint not null references admin_user (id),
    -- GIVEN: the person agreed, informed; LIFE_AT_RISK: referred without it because a life is at risk
    consent      text not null check (consent in ('GIVEN', 'LIFE_AT_RISK')),
    -- the latest follow-up's status
    status       text not null default 'REFERRED'
                 check (status in ('REFERRED', 'ACCEPTED', 'ATTENDED', 'DECLINED_BY_SERVICE', 'DECLINED_BY_PERSON', 'NO_RESPONSE')),
    note         text check (length(note) <= 2000)
);
create index safeguarding_referral_case_idx on safeguarding_referral (case_id, referred_at);

create table safeguarding_follow_up (
    id           bigserial primary key,
    referral_id  bigint not null references safeguarding_referral (id),
    at           timestamptz not null default now(),
    by_user      bigint not null references admin_user (id),
    status       text not null
                 check (status in ('REFERRED', 'ACCEPTED', 'ATTENDED', 'DECLINED_BY_SERVICE', 'DECLINED_BY_PERSON', 'NO_RESPONSE')),
    note         text check (length(note) <= 2000)
);
create index safeguarding_follow_up_referral_idx on safeguarding_follow_up (referral_id, at);
