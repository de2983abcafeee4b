-- safeguarding: per organisation, who investigates reports against its own people (SEA, FRAUD,
-- CONDUCT); such reports alert them instead of the line's on-call rota (IFRC PSEA policy) ----------
create table safeguarding_investigation_focal_point (
    organisation_id  bigint primary key references admin_organisation (id),
    user_id          bigint not null references admin_user (id),
    email            text not null check (email ~ '^[^@\s]+@[^@\s]+$' and length(email) <= 254)
);
