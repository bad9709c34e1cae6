"""The kit's PDF: paper sizes, the game's own Noto Sans JP embedded (a subset: only the glyphs used), boxes of text
set to fit, and every box kept on record so the tests can check that nothing was set too small or overflowed."""

from __future__ import annotations

from dataclasses import dataclass

from fpdf import FPDF

from gaiko_game.present.palette import Colour
from gaiko_game.printkit.text import LEADING, PT, Block, Setting, set_blocks
from gaiko_game.scenario.bundled import assets_root

PAPERS = {"a4": (210.0, 297.0), "letter": (215.9, 279.4)}
"""Portrait width and height in millimetres."""
FAMILY = "noto"
INK: Colour = (25, 25, 25)
MUTED: Colour = (95, 99, 104)
RULE: Colour = (170, 174, 178)


@dataclass(frozen=True)
class Placed:
    """A box of text on a page: what it is (a card's code, a sheet's part), where, and how it was set."""

    page: int
    label: str
    x: float
    y: float
    width: float
    height: float
    setting: Setting
    page_size: tuple[float, float]
    """The width and height of its page (mm): portrait or landscape."""

    def text(self, lang: str) -> str:
        """Everything set in the box, its lines joined as the language joins them."""
        return ("" if lang == "ja" else " ").join(line for _, _, lines in self.setting.lines for line in lines)


class KitPdf(FPDF):
    """An FPDF with the kit's font, measuring and fitting, and a record of every box it set."""

    def __init__(self, paper: str, title: str) -> None:
        super().__init__(unit="mm", format=PAPERS[paper])
        self.paper = paper
        self.set_auto_page_break(False)
        self.set_margins(0, 0, 0)
        fonts = assets_root() / "fonts"
        self.add_font(FAMILY, "", str(fonts / "NotoSansJP-Regular.otf"))
        self.add_font(FAMILY, "B", str(fonts / "NotoSansJP-Bold.otf"))
        self.set_title(title)
        self.set_creator("Gaikō")
        self.placed: list[Placed] = []
        self.labels: list[tuple[int, str]] = []
        """Every single line drawn outside a box (codes, names on the board, headings), by page."""
        self._widths: dict[tuple[str, float, bool], float] = {}

    # ── text ─────────────────────────────────────────────────────────────
    def measure(self, text: str, size: float, bold: bool = False) -> float:
        """The width of ``text`` at ``size`` points (mm), cached: a kit measures the same words many times."""
        key = (text, size, bold)
        found = self._widths.get(key)
        if found is None:
            self.set_font(FAMILY, "B" if bold else "", size)
            found = self._widths[key] = self.get_string_width(text)
        return found

    def fit(self, label: str, blocks: list[Block], x: float, y: float, w: float, h: float,
            colour: Colour = INK) -> Setting:
        """Set the blocks in the box (shrinking them together down to 8 pt), draw them, and keep the record."""
        setting = set_blocks([b for b in blocks if b.text], w, h, self.measure)
        self.placed.append(Placed(self.page_no(), label, x, y, w, h, setting, (self.w, self.h)))
        self.draw(setting, x, y, colour)
        return setting

    def draw(self, setting: Setting, x: float, y: float, colour: Colour = INK) -> None:
        """Draw a setting from the top left of its box."""
        self.set_text_color(*colour)
        for block, size, lines in setting.lines:
            self.set_font(FAMILY, "B" if block.bold else "", size)
            step = size * LEADING * PT
            for line in lines:
                y += step
                self.text(x, y - step * 0.28, line)
            y += block.after * step

    def line_at(self, x: float, y: float, text: str, size: float, bold: bool = False, colour: Colour = INK,
                align: str = "L", width: float = 0.0) -> None:
        """One line of text with its baseline at ``y`` (aligned left, centre or right in ``width`` from ``x``)."""
        self.set_font(FAMILY, "B" if bold else "", size)
        self.set_text_color(*colour)
        tw = self.get_string_width(text)
        dx = {"L": 0.0, "C": (width - tw) / 2, "R": width - tw}[align]
        self.labels.append((self.page_no(), text))
        self.text(x + dx, y, text)

    # ── drawing ──────────────────────────────────────────────────────────
    def colours(self, draw: Colour | None = None, fill: Colour | None = None, width: float | None = None) -> None:
        """Set the stroke and fill colours and the line width (None leaves one as it is)."""
        if draw is not None:
            self.set_draw_color(*draw)
        if fill is not None:
            self.set_fill_color(*fill)
        if width is not None:
            self.set_line_width(width)

    def cut_marks(self, x: float, y: float, w: float, h: float, length: float = 4.0, gap: float = 1.5) -> None:
        """Crop marks outside a box's four corners, in thin grey: cut along them, and nothing printed is lost."""
        self.colours(draw=RULE, width=0.2)
        for cx in (x, x + w):
            for cy in (y, y + h):
                sx = -1 if cx == x else 1
                sy = -1 if cy == y else 1
                self.line(cx + sx * gap, cy, cx + sx * (gap + length), cy)
                self.line(cx, cy + sy * gap, cx, cy + sy * (gap + length))

    def heading(self, text: str, x: float, y: float, size: float = 16.0) -> None:
        """A page heading with a rule under it."""
        self.line_at(x, y, text, size, bold=True)
        self.colours(draw=RULE, width=0.3)
        self.line(x, y + 2.5, self.w - x, y + 2.5)

    def footer_line(self, text: str) -> None:
        """The kit's name, the scenario and its content hash, and the page number, at the foot of the page."""
        size = 7.0
        self.line_at(12, self.h - 7, text, size, colour=MUTED)
        self.line_at(12, self.h - 7, str(self.page_no()), size, colour=MUTED, align="R", width=self.w - 24)
