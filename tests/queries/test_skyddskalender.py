"""The committee's calendar (docs/skydd.md rule 16), worked out by hand on the calendar."""

from __future__ import annotations

from datetime import date

import pytest

from queries.skyddskalender import (
    ar_att_valja,
    kalenderar,
    pa_kalendern,
    rapportdatum,
    rapportdatum_att_valja,
)

UTTAG = date(2020, 6, 15)


@pytest.mark.parametrize(
    ("dag", "vantat"),
    [
        (date(2019, 4, 15), date(2019, 4, 30)),
        (date(2019, 4, 30), date(2019, 4, 30)),  # already a month's end
        (date(2020, 2, 10), date(2020, 2, 29)),  # a leap year
        (date(2019, 2, 10), date(2019, 2, 28)),
        (date(2019, 12, 1), date(2019, 12, 31)),  # December: the year's end
        (date(2020, 6, 3), date(2020, 6, 15)),  # the extraction month: its stock date
        (date(2020, 6, 15), date(2020, 6, 15)),
        (date(2020, 6, 20), date(2020, 6, 30)),  # after the extraction: nothing to see anyway
    ],
)
def test_rapportdatum_is_the_months_stock_date(dag: date, vantat: date) -> None:
    assert rapportdatum(dag, UTTAG) == vantat


def test_the_extraction_year_ends_at_the_extraction_date() -> None:
    assert kalenderar(2019, UTTAG) == (date(2019, 1, 1), date(2019, 12, 31))
    assert kalenderar(2020, UTTAG) == (date(2020, 1, 1), date(2020, 6, 15))


def test_choices_newest_first() -> None:
    # data from 5 Nov 2019: the ends of Nov, Dec, Jan–May, and the extraction date
    assert rapportdatum_att_valja(date(2019, 11, 5), UTTAG) == [
        date(2020, 6, 15), date(2020, 5, 31), date(2020, 4, 30), date(2020, 3, 31),
        date(2020, 2, 29), date(2020, 1, 31), date(2019, 12, 31), date(2019, 11, 30),
    ]  # fmt: skip
    # an extraction on a month's end is that month's stock date, listed once
    assert rapportdatum_att_valja(date(2019, 11, 5), date(2020, 1, 31)) == [
        date(2020, 1, 31), date(2019, 12, 31), date(2019, 11, 30)
    ]  # fmt: skip
    assert ar_att_valja(date(2017, 3, 1), UTTAG) == [2020, 2019, 2018, 2017]


def test_a_period_and_a_date_moved_onto_the_calendar() -> None:
    # January–May 2019 and 14 March: two periods inside a year, or two days, could be
    # subtracted; both are shown as the year and March's end
    val = pa_kalendern(date(2019, 1, 1), date(2019, 5, 31), date(2019, 3, 14), UTTAG)
    assert (val.fran, val.till, val.datum) == (date(2019, 1, 1), date(2019, 12, 31),
                                               date(2019, 3, 31))  # fmt: skip
    assert val.period_flyttad and val.datum_flyttat
    # the period's end decides the year (twelve months up to the extraction date)
    val = pa_kalendern(date(2019, 6, 16), UTTAG, UTTAG, UTTAG)
    assert (val.fran, val.till, val.datum) == (date(2020, 1, 1), UTTAG, UTTAG)
    assert val.period_flyttad and not val.datum_flyttat
    # already on the calendar: nothing moves
    val = pa_kalendern(date(2018, 1, 1), date(2018, 12, 31), date(2018, 7, 31), UTTAG)
    assert not (val.period_flyttad or val.datum_flyttat)
