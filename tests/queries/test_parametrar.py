"""Unknown or misspelt parameters are refused on every path, never ignored as no filter."""

from __future__ import annotations

from pathlib import Path

import pytest

import queries
from queries.__main__ import OPTIONS, main


def test_run_refuses_a_misspelt_filter(personfall: Path) -> None:
    with pytest.raises(queries.QueryError, match="okänd parameter vistelsekomun"):
        queries.run("alder_kon", personfall, datum="2024-03-15", vistelsekomun=["0182"])


def test_cli_refuses_a_misspelt_option(personfall: Path) -> None:
    args = ["export", "alder_kon", "--db", str(personfall), "--date", "2024-03-15"]
    with pytest.raises(SystemExit) as exit_:
        main([*args, "--vistelsekomun", "0182"])
    assert exit_.value.code == 2


def test_cli_refuses_an_option_the_figure_does_not_take(
    personfall: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["export", "budgetbalans_hittills", "--db", str(personfall), "--date", "2024-03-15"]
    assert main([*args, "--kommun", "0182"]) == 2
    assert "tar inte --kommun" in capsys.readouterr().err


def test_every_parameter_of_every_figure_has_a_cli_option() -> None:
    # otherwise the command line could not reproduce what a page shows
    for fig in queries.catalogue():
        assert set(fig.params) <= set(OPTIONS), fig.name


def test_vistelsekommun_is_a_filter_of_every_person_figure() -> None:
    # the seven figures of issue 7 point 8 and the new person figures keep the parameter
    deklarerar = {f.name for f in queries.catalogue() if "vistelsekommun" in f.params}
    assert {
        "alder_kon", "alderspyramid", "i_vard_manad", "aldersgrupp_manad",
        "fodelsedagar_kommande", "fodelsedagar_manad", "i_vard_nyckeltal", "i_vard_manad_kon",
    } <= deklarerar  # fmt: skip


def test_the_catalogue_is_parsed_once() -> None:
    # issue 9 point 6: figure() hands out the same parsed object, not a fresh parse
    assert queries.figure("budgetbalans") is queries.figure("budgetbalans")
