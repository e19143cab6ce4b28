-- EKB-uppföljning: the database schema.
--
-- One DuckDB file holds one complete snapshot of a municipality's exports
-- (see docs/import-format.md). The importer builds a new file from this
-- schema, loads every table, runs data/derived.sql and swaps the file in.
-- Column names follow the import contract; amounts are in kronor.

create table kommuner (
    kommunkod varchar primary key check (regexp_full_match(kommunkod, '[0-9]{4}')),
    kommun varchar not null,
    lanskod varchar not null check (regexp_full_match(lanskod, '[0-9]{2}')),
    lan varchar not null,
);

create table personer (
    person_id varchar primary key,
    -- the birth date as currently registered; earlier ones are in aldersandringar
    fodelsedatum date not null,
    kon varchar not null check (kon in ('K', 'M', 'X')),
    medborgarskap varchar,
    ankomstdatum date,
);

-- Age assessments: the birth date valid before beslutsdatum. Kept, never
-- overwritten, so that ages on past dates stay as they were known then.
create table aldersandringar (
    person_id varchar not null references personer (person_id),
    beslutsdatum date not null,
    tidigare_fodelsedatum date not null,
    primary key (person_id, beslutsdatum),
);

create table anvisningar (
    anvisning_id varchar primary key,
    person_id varchar not null references personer (person_id),
    anvisningsdatum date not null,
    anvisningskommun varchar not null references kommuner (kommunkod),
    ankomstkommun varchar references kommuner (kommunkod),
    uppehallstillstand varchar check (uppehallstillstand in ('asylsokande', 'PUT', 'TUT', 'avslag')),
    uppehallstillstand_datum date,
    avslutsdatum date,
    avslutsorsak varchar,
);

create table enheter (
    enhet_id varchar primary key,
    namn varchar not null,
    boendeform varchar not null check (boendeform in (
        'HVB', 'stodboende', 'familjehem', 'jourhem', 'traningslagenhet', 'eget_boende', 'annat'
    )),
    kommun varchar not null references kommuner (kommunkod),
    regi varchar check (regi in ('egen', 'entreprenad', 'upphandlad', 'direktupphandlad', 'konsulentstodd')),
    dygnspris decimal(12, 2),
);

-- Contracted places (avtalade platser) over time. giltig_till is inclusive.
create table platser (
    enhet_id varchar not null references enheter (enhet_id),
    giltig_fran date not null,
    giltig_till date,
    antal_platser integer not null check (antal_platser >= 0),
    platstyp varchar check (platstyp in ('asyl', 'PUT', 'ovrig')),
    alder_fran integer check (alder_fran >= 0),
    alder_till integer check (alder_till >= 0),
    check (giltig_till is null or giltig_till >= giltig_fran),
    check (alder_fran is null or alder_till is null or alder_till >= alder_fran),
);

create table placeringar (
    placering_id varchar primary key,
    person_id varchar not null references personer (person_id),
    enhet_id varchar not null references enheter (enhet_id),
    startdatum date not null,
    -- the move-out day; it is not a care day (dygn = night)
    slutdatum date,
    dygnskostnad decimal(12, 2),
    vistelsekommun varchar references kommuner (kommunkod),
    check (slutdatum is null or slutdatum >= startdatum),
);

create table kontoplan (
    konto varchar primary key,
    benamning varchar not null,
    typ varchar not null check (typ in ('kostnad', 'intakt')),
    kategori varchar not null,
);

-- Ledger outcome (utfall): costs positive, revenues negative, as booked.
-- period is the first day of the month booked.
create table ekonomi (
    period date not null check (day(period) = 1),
    verksamhet varchar not null,
    konto varchar not null references kontoplan (konto),
    belopp decimal(14, 2) not null,
);

create table budget (
    period date not null check (day(period) = 1),
    verksamhet varchar not null,
    konto varchar not null references kontoplan (konto),
    belopp decimal(14, 2) not null,
);

create table ersattningsansokningar (
    period date not null check (day(period) = 1),
    ersattningstyp varchar not null,
    sokt_belopp decimal(14, 2) not null,
    beviljat_belopp decimal(14, 2),
);

-- Migrationsverket's payment file (utbetalda schabloner), optional: one row per payment,
-- person (the pseudonym, never a personnummer) and period [period_fran, period_till],
-- both inclusive (docs/ersattning.md "Payments").
create table utbetalningar (
    person_id varchar not null references personer (person_id),
    period_fran date not null,
    period_till date not null check (period_till >= period_fran),
    belopp decimal(14, 2) not null,
    ersattningstyp varchar,
    arende varchar,
);

-- One row per successful import. Carried over from the previous database
-- file at every import, so the log is the history of the file.
create table import_log (
    import_id integer primary key,
    importerad timestamp not null,
    -- the export's extraction date: ongoing placements are not counted past it
    uttagsdatum date not null,
    kalla varchar not null,
    demo boolean not null default false,
    -- the import whose file this one replaced, and that file's checksum (NULL: no file before)
    ersatter_import_id integer,
    ersatt_sha256 varchar,
    -- newest start, end, anvisning or ledger date in the data; warnings printed at import
    senaste_handelse date,
    varningar varchar[],
    -- who imported: the OS user of the command line, the signed-in user of the app's import
    importerad_av varchar,
);

-- One row per table per import: where it came from and what was counted.
create table import_fil (
    import_id integer not null references import_log (import_id),
    tabell varchar not null,
    fil varchar not null,
    sha256 varchar not null,
    rader_lasta integer not null,
    rader_lagrade integer not null,
    primary key (import_id, tabell),
);

-- The build stamp: which version of this schema and of the models (data/models/)
-- built the file. Written by the import (ingest.modeller); queries.stamp
-- compares it with the code, so a file built by another version is refused
-- with a request to re-import instead of being read with other definitions.
create table bygge (
    schemaversion integer not null,
    kod_hash varchar not null,
    byggd timestamp not null default current_timestamp,
);

-- State-compensation rules (docs/ersattning.md), loaded at every import from
-- data/reference/ersattningsregler.csv; lists are NULL when the condition is blank (any).
create table ersattningsregler (
    regel_id varchar primary key,
    kategori varchar not null,
    belopp_kr decimal(12, 2),
    enhet varchar not null check (enhet in ('per dygn', 'per plats och dygn', 'engångs', 'engångs vid PUT', 'per år')),
    giltig_fran date not null,
    giltig_till date,
    status varchar[],
    alder_fran integer,
    alder_till integer,
    boendeform varchar[],
    avtalad_plats boolean,
    belagd boolean,
    anvisning_fran date,
    andel decimal(6, 4) not null,
    antagande varchar,
    kalla varchar not null,
    -- the line in the CSV, so that a figure can point back to the rule's source
    rad integer not null,
);

-- The variable part of the yearly payment per kommun and period (docs/ersattning.md "More
-- rules"), loaded at every import from data/reference/arlig_rorlig_ersattning.csv.
create table arlig_rorlig_ersattning (
    kommun varchar not null,
    giltig_fran date not null,
    giltig_till date not null,
    belopp_per_barn decimal(12, 2) not null,
    andel decimal(12, 8) not null,
    prognos_barn decimal(12, 2) not null,
    kalla varchar not null,
    rad integer not null,
);
