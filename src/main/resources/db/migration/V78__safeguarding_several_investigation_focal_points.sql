-- safeguarding: an organisation may name several investigation focal points (one row each) ---------
alter table safeguarding_investigation_focal_point drop constraint safeguarding_investigation_focal_point_pkey;
alter table safeguarding_investigation_focal_point add primary key (organisation_id, user_id);
