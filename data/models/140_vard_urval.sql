-- model: vard_urval (macro, no rows of its own)
-- The rows of vard_perioder that pass the person filters every person figure
-- offers (NULL = no filter; kommun is the responsible municipality of the row).
create macro vard_urval(
    kommun := null, vistelsekommun := null, boendeform := null, regi := null, aldersgrupp := null, kon := null
) as table
select * from vard_perioder as v
where (kommun is null or v.ansvarig_kommun = kommun)
    and (vistelsekommun is null or list_contains(vistelsekommun::varchar[], v.vistelsekommun))
    and (boendeform is null or list_contains(boendeform::varchar[], v.boendeform))
    and (regi is null or list_contains(regi::varchar[], v.regi))
    and (aldersgrupp is null or list_contains(aldersgrupp::varchar[], v.aldersgrupp))
    and (kon is null or list_contains(kon::varchar[], v.kon));
