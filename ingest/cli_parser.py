"""argparse speaking Swedish: the import is run by municipal IT staff, in Swedish.

argparse writes its own messages in English ("the following arguments are
required"); this subclass translates the ones a user can trigger and keeps
the exit code 2 for every usage error.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable
from typing import Any, NoReturn

Translation = tuple[re.Pattern[str], Callable[[re.Match[str]], str]]


class SwedishHelpFormatter(argparse.HelpFormatter):
    """Help text with a Swedish usage line."""

    def add_usage(
        self, usage: str | None, actions: Any, groups: Any, prefix: str | None = None
    ) -> None:
        super().add_usage(usage, actions, groups, prefix or "användning: ")


class SwedishParser(argparse.ArgumentParser):
    """An ArgumentParser whose usage and error messages are Swedish."""

    def __init__(self, prog: str, description: str) -> None:
        super().__init__(
            prog=prog,
            description=description,
            formatter_class=SwedishHelpFormatter,
            add_help=False,
            allow_abbrev=False,
        )

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"fel: {self.translate(message)}\n")

    def translate(self, message: str) -> str:
        """argparse's English message in Swedish (a message already in Swedish passes)."""
        translations: list[Translation] = [
            (re.compile(r"the following arguments are required: (.+)"), self._required),
            (re.compile(r"unrecognized arguments: (.+)"), lambda m: f"okänt argument: {m[1]}"),
            (re.compile(r"argument (\S+): (.+)"), lambda m: f"{m[1]}: {self.translate(m[2])}"),
            (re.compile(r"expected one argument"), lambda m: "kräver ett värde"),
            (re.compile(r"ignored explicit argument (.+)"), lambda m: f"tar inget värde ({m[1]})"),
            (re.compile(r"invalid (\S+) value: (.+)"), lambda m: f"ogiltigt värde {m[2]}"),
            (
                re.compile(r"ambiguous option: (\S+) could match (.+)"),
                lambda m: f"tvetydigt: {m[1]}",
            ),
        ]
        for pattern, swedish in translations:
            match = pattern.fullmatch(message)
            if match:
                return swedish(match)
        return message

    def _required(self, match: re.Match[str]) -> str:
        names = [name.strip() for name in match[1].split(",")]
        return ", ".join(self._with_metavar(name) for name in names) + " saknas"

    def _with_metavar(self, name: str) -> str:
        for action in self._actions:
            if name in action.option_strings and action.metavar:
                return f"{name} {action.metavar}"
        return name
