"""The committee view's calendar (docs/skydd.md rule 16): whole calendar years, and the
situation at a month's end.

Two periods that overlap, or two reporting dates, are two populations: each protected on its
own, their difference is not protected at all (January–June minus January–May is June's
arrivals; 14 March minus 15 March is who left that day). The protected view therefore offers
only periods that never overlap, the calendar years (the extraction year's ends at the
extraction date), and only the stock dates the monthly series already publish: each month's
last day, or the extraction date in its own month. Within one import every count the
committee can see then belongs to exactly one protected table.

The dashboard's committee sidebar offers these values only; the presentation mode and the PDF
report move a link's or a caller's dates onto them (and say so); `--masked` refuses others.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta


def manadens_sista(dag: date) -> date:
    """The last day of `dag`'s month."""
    nasta = date(dag.year + dag.month // 12, dag.month % 12 + 1, 1)
    return nasta - timedelta(days=1)


def rapportdatum(dag: date, uttagsdatum: date) -> date:
    """The stock date the committee sees for `dag`: its month's last day, or the extraction
    date when that falls in the same month on or after `dag` (a monthly series' last stock
    date is the extraction date)."""
    slut = manadens_sista(dag)
    return uttagsdatum if dag <= uttagsdatum < slut else slut


def kalenderar(ar: int, uttagsdatum: date) -> tuple[date, date]:
    """The calendar year `ar` as a period; the extraction year's ends at the extraction date."""
    slut = uttagsdatum if ar == uttagsdatum.year else date(ar, 12, 31)
    return date(ar, 1, 1), slut


def rapportdatum_att_valja(forsta: date, uttagsdatum: date) -> list[date]:
    """Every stock date the committee may choose, newest first: the month ends from the
    first data's month up to the extraction date, and the extraction date itself."""
    dagar = []
    dag = manadens_sista(forsta)
    while dag < uttagsdatum:
        dagar.append(dag)
        dag = manadens_sista(dag + timedelta(days=1))
    dagar.append(uttagsdatum)
    return dagar[::-1]


def ar_att_valja(forsta: date, uttagsdatum: date) -> list[int]:
    """The calendar years the data covers, newest first."""
    return list(range(uttagsdatum.year, min(forsta, uttagsdatum).year - 1, -1))


@dataclass(frozen=True)
class Kalenderval:
    """A period and a reporting date on the committee's calendar."""

    fran: date
    till: date
    datum: date
    period_flyttad: bool
    """The period asked for was not a calendar year."""
    datum_flyttat: bool
    """The reporting date asked for was not a stock date."""


def pa_kalendern(fran: date, till: date, datum: date, uttagsdatum: date) -> Kalenderval:
    """`fran`–`till` and `datum` moved onto the calendar: the calendar year of `till` (a
    period's end decides its year, as a year-to-date period's would), `datum`'s stock date."""
    ny_fran, ny_till = kalenderar(till.year, uttagsdatum)
    ny_datum = rapportdatum(datum, uttagsdatum)
    return Kalenderval(
        ny_fran, ny_till, ny_datum, (ny_fran, ny_till) != (fran, till), ny_datum != datum
    )


REGEL = (
    "Den skyddade vyn visar hela kalenderår och läget vid månadens slut (eller på "
    "uttagsdatumet), så att två perioder eller två dagar inte kan dras från varandra och "
    "visa små antal."
)
"""The rule in one sentence, for the sidebar, the report and `--masked`'s refusal."""
