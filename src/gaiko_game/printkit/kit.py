"""The whole kit for one scenario in one language: rules, board, cards, sheets and the teacher's pages."""

from __future__ import annotations

from dataclasses import dataclass

from gaiko_game.core import Scenario
from gaiko_game.present.cards import Codes
from gaiko_game.printkit import board, cards, ledger, rules, score, tracks
from gaiko_game.printkit.context import Context
from gaiko_game.printkit.document import PAPERS, KitPdf, Placed
from gaiko_game.printkit.strings import STRINGS
from gaiko_game.printkit.words import PaperWords


@dataclass(frozen=True)
class Kit:
    """A kit's PDF, and what was set in it (every box of text, for checks)."""

    pdf: bytes
    placed: tuple[Placed, ...]
    labels: tuple[tuple[int, str], ...]
    pages: int
    paper: tuple[float, float]
    """The portrait page's width and height (mm)."""

    def too_small(self) -> list[Placed]:
        """Every box whose text did not fit at the readable minimum."""
        return [p for p in self.placed if not p.setting.fits]


def build(scenario: Scenario, lang: str, paper: str = "a4", folder: str | None = None) -> Kit:
    """Make the kit; ``folder`` is the scenario's folder as the teacher named it, for the referee's command line in
    the teacher's pages (by default the bundled scenarios' folder)."""
    w = PaperWords(scenario, lang)
    texts = STRINGS
    pdf = KitPdf(paper, texts["kit.title"][lang].format(scenario=w.name("scenario.name")))
    ctx = Context(pdf, scenario, w, Codes.of(scenario), texts, folder or f"scenarios/{scenario.id}")
    rules.rules_summary(ctx)
    board.board(ctx)
    tracks.track_sheet(ctx)
    ledger.ledger_sheet(ctx)
    score.score_sheet(ctx)
    for _, deck in cards.all_cards(ctx):
        cards.sheets(ctx, deck, ctx.t("card.back_title"))
    rules.world_rules(ctx)
    rules.teacher_pages(ctx)
    return Kit(bytes(pdf.output()), tuple(pdf.placed), tuple(pdf.labels), pdf.pages_count, PAPERS[paper])
