"""What every part of the kit is drawn with: the PDF, the scenario, its words and the kit's own texts, in one
language."""

from __future__ import annotations

from dataclasses import dataclass

from gaiko_game.core import Scenario
from gaiko_game.present.cards import Codes
from gaiko_game.printkit.document import KitPdf
from gaiko_game.printkit.words import PaperWords

MARGIN = 12.0
"""The page margin (mm): inside what every office printer prints."""


@dataclass
class Context:
    """One kit in the making."""

    pdf: KitPdf
    scenario: Scenario
    w: PaperWords
    codes: Codes
    texts: dict[str, dict[str, str]]
    folder: str
    """The scenario's folder, as the referee's command line names it."""

    @property
    def lang(self) -> str:
        return self.w.lang

    def t(self, key: str, **values: object) -> str:
        """A kit text in the kit's language, filled in."""
        return self.texts[key][self.lang].format(**values)

    def footer(self) -> None:
        """The foot of a page: the kit's title, the scenario and its content hash (cards' codes hold for it)."""
        self.pdf.footer_line(self.t("footer", scenario=self.w.name("scenario.name"),
                                    hash=self.scenario.content_hash[:12]))

    def page(self, heading: str, landscape: bool = False) -> float:
        """A new page with a heading; the y (mm) where its content starts."""
        self.pdf.add_page(orientation="L" if landscape else "P")
        self.pdf.heading(heading, MARGIN, MARGIN + 6)
        self.footer()
        return MARGIN + 14
