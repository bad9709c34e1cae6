"""Icons and tokens drawn in code: every icon inside its box at every size, cached, and a contact sheet to look at."""

from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import pygame
import pytest

from gaiko_game.present.palette import BLUE, GREY, ROLE_COLOURS, SKY, VERMILION, YELLOW
from gaiko_game.ui import icons, theme
from gaiko_game.ui.fonts import font_path

SIZES = (12, 16, 24, 48)


@pytest.fixture(autouse=True, scope="module")
def _pygame() -> None:
    pygame.init()


def drawn(name: str, size: int, colour: tuple[int, int, int] = theme.INK) -> tuple[pygame.Surface, pygame.Rect]:
    """The icon drawn at ``size`` into a box in the middle of a larger transparent surface."""
    surf = pygame.Surface((size + 40, size + 40), pygame.SRCALPHA)
    surf.fill((0, 0, 0, 0))
    rect = pygame.Rect(20, 20, size, size)
    icons.draw_icon(surf, name, rect, colour)
    return surf, rect


def inked(surf: pygame.Surface, rect: pygame.Rect | None = None, threshold: int = 0) -> int:
    """How many pixels (inside ``rect`` if given) have alpha above ``threshold``."""
    area = rect or surf.get_rect()
    return sum(1 for x in range(area.left, area.right) for y in range(area.top, area.bottom)
               if surf.get_at((x, y)).a > threshold)


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("name", icons.ICON_NAMES)
def test_every_icon_draws_inside_its_box_and_nowhere_else(name: str, size: int) -> None:
    surf, rect = drawn(name, size)
    inside = inked(surf, rect, threshold=100)
    assert inside >= size * size // 12, f"{name} at {size} px is nearly empty ({inside} solid pixels)"
    assert inside < size * size, f"{name} at {size} px fills its whole box"
    assert inked(surf) == inked(surf, rect), f"{name} at {size} px draws outside its box"


def test_an_icon_sits_centred_in_a_box_that_is_not_square() -> None:
    surf = pygame.Surface((120, 60), pygame.SRCALPHA)
    surf.fill((0, 0, 0, 0))
    rect = pygame.Rect(10, 10, 80, 24)
    icons.draw_icon(surf, "crisis", rect, theme.INK)
    assert inked(surf) == inked(surf, pygame.Rect(38, 10, 24, 24)) > 0


def test_an_unknown_name_draws_the_generic_icon_and_never_fails() -> None:
    unknown, _ = drawn("a_modders_new_category", 24)
    generic, _ = drawn("generic", 24)
    assert pygame.image.tobytes(unknown, "RGBA") == pygame.image.tobytes(generic, "RGBA")
    assert icons.icon_surface("nonsense", 24, theme.INK) is icons.icon_surface("generic", 24, theme.INK)
    empty = pygame.Surface((10, 10), pygame.SRCALPHA)
    icons.draw_icon(empty, "crisis", pygame.Rect(0, 0, 0, 0), theme.INK)  # a box with no room draws nothing


def test_icons_differ_from_each_other() -> None:
    pictures = {pygame.image.tobytes(drawn(name, 24)[0], "RGBA") for name in icons.ICON_NAMES}
    assert len(pictures) == len(icons.ICON_NAMES)


def test_the_bundled_categories_have_icons_and_any_other_category_the_generic_one() -> None:
    assert icons.category_icon("alliance") == "alliance"
    assert icons.category_icon("partnership") == "partnership"
    assert icons.category_icon("economic_security") == "economic_security"
    assert icons.category_icon("dialogue") == "dialogue"
    assert icons.category_icon("defence") == "generic"  # the Finnish fixture's categories are not known here
    assert set(icons.CATEGORY_ICONS.values()) <= set(icons.ICON_NAMES)


def test_icons_come_from_the_cache() -> None:
    first = icons.icon_surface("dialogue", 24, theme.INK)
    assert icons.icon_surface("dialogue", 24, theme.INK) is first
    assert icons.icon_surface("dialogue", 24, theme.MUTED) is not first
    assert icons.icon_surface("dialogue", 25, theme.INK) is not first
    before = len(icons._ICONS)
    surf = pygame.Surface((64, 64), pygame.SRCALPHA)
    for _ in range(3):
        icons.draw_icon(surf, "dialogue", pygame.Rect(0, 0, 24, 24), theme.INK)
    assert len(icons._ICONS) == before


def test_an_icon_takes_its_colour_and_alpha() -> None:
    solid = icons.icon_surface("locked", 24, VERMILION)
    pixels = [solid.get_at((x, y)) for x in range(24) for y in range(24)]
    assert {(p.r, p.g, p.b) for p in pixels if p.a > 0} == {VERMILION}  # edges fade out, never darken
    faint = icons.icon_surface("locked", 24, (*VERMILION, 128))
    assert max(faint.get_at((x, y)).a for x in range(24) for y in range(24)) <= 128


def token_picture(selected: bool, player: bool) -> bytes:
    surf = pygame.Surface((80, 80), pygame.SRCALPHA)
    surf.fill((0, 0, 0, 0))
    icons.token(surf, (40, 40), 9, SKY, theme.BLACK, selected=selected, player=player)
    return pygame.image.tobytes(surf, "RGBA")


def test_tokens_differ_visibly_between_plain_selected_and_player() -> None:
    plain, selected, player = token_picture(False, False), token_picture(True, False), token_picture(False, True)

    def changed(a: bytes, b: bytes) -> int:
        return sum(1 for i in range(0, len(a), 4) if abs(a[i] - b[i]) + abs(a[i + 1] - b[i + 1]) + abs(a[i + 2] - b[i + 2]) > 60)

    assert changed(plain, selected) > 40
    assert changed(plain, player) > 40
    assert changed(selected, player) > 40
    assert token_picture(True, True) not in {plain, selected, player}


def test_tokens_are_cached_and_report_their_disc() -> None:
    surf = pygame.Surface((60, 60), pygame.SRCALPHA)
    rect = icons.token(surf, (30, 30), 7, BLUE, theme.BLACK)
    assert rect == pygame.Rect(23, 23, 14, 14)
    before = len(icons._TOKENS)
    icons.token(surf, (31, 29), 7, BLUE, theme.BLACK)
    assert len(icons._TOKENS) == before
    assert icons.token(surf, (30, 30), 7, BLUE, theme.BLACK, player=True).w == 2 * icons.token_radius(7, True) > 14
    assert surf.get_at((30, 30))[:3] == BLUE  # the face is the fill colour


def contact_sheet(path: Path) -> pygame.Surface:
    """Every icon at 12, 16, 24 and 48 px (16 px also zoomed ×4, to see its pixels) on the panel colour, then tokens."""
    font = pygame.font.Font(font_path(), 14)
    row_h, sizes, colours = 60, (12, 16, 24, 48), (theme.INK, theme.MUTED, YELLOW, VERMILION, SKY)
    columns = [("icon", 150), *[(f"{size} px", 64) for size in sizes], ("16 px ×4", 90), ("16 px, colour roles", 140)]
    xs = [10 + sum(w for _, w in columns[:i]) for i in range(len(columns))]
    width = max(xs[-1] + columns[-1][1] + 10, 760)
    token_top = 40 + row_h * len(icons.ICON_NAMES)
    sheet = pygame.Surface((width, token_top + 280))
    sheet.fill(theme.PANEL)
    for (head, _), x in zip(columns, xs, strict=True):
        sheet.blit(font.render(head, True, theme.MUTED), (x, 10))
    for row, name in enumerate(icons.ICON_NAMES):
        y = 40 + row * row_h
        if row % 2:
            pygame.draw.rect(sheet, theme.PANEL_HI, (0, y, width, row_h))
        sheet.blit(font.render(name, True, theme.INK), (xs[0], y + row_h // 2 - 9))
        for size, x in zip(sizes, xs[1:], strict=False):
            icons.draw_icon(sheet, name, pygame.Rect(x, y + (row_h - size) // 2, size, size), theme.INK)
        zoom = sheet.subsurface(pygame.Rect(xs[2], y + (row_h - 16) // 2, 16, 16))
        sheet.blit(pygame.transform.scale(zoom, (64, 64)), (xs[5], y - 2))
        for i, colour in enumerate(colours):
            icons.draw_icon(sheet, name, pygame.Rect(xs[6] + 24 * i, y + (row_h - 16) // 2, 16, 16), colour)
    kinds = ((False, False), (True, False), (False, True), (True, True))
    fills = (ROLE_COLOURS["ally"], ROLE_COLOURS["partner"], ROLE_COLOURS["neutral"], ROLE_COLOURS["rival"], GREY)
    sheet.blit(font.render("tokens at radius 7, 10, 20: plain · selected · player · player selected (black rim); "
                           "roles (rim a darker fill)", True, theme.MUTED), (10, token_top + 8))
    for row, radius in enumerate((7, 10)):
        y = token_top + 50 + row * 40
        for i, (selected, player) in enumerate(kinds):
            icons.token(sheet, (30 + 44 * i, y), radius, fills[i], theme.BLACK, selected=selected, player=player)
        for i, fill in enumerate(fills):
            icons.token(sheet, (230 + 36 * i, y), radius, fill)  # the rim a darker fill
    for i, (selected, player) in enumerate(kinds):
        icons.token(sheet, (50 + 90 * i, token_top + 190), 20, fills[i], theme.BLACK, selected=selected, player=player)
    zoom = sheet.subsurface(pygame.Rect(10, token_top + 30, 180, 40))
    sheet.blit(pygame.transform.scale(zoom, (360, 80)), (width - 370, token_top + 140))
    pygame.image.save(sheet, str(path))
    return sheet


def test_the_contact_sheet_is_drawn(tmp_path: Path) -> None:
    sheet = contact_sheet(tmp_path / "icons_sheet.png")
    assert (tmp_path / "icons_sheet.png").stat().st_size > 1000
    assert sheet.get_width() > 400


if __name__ == "__main__":  # python tests/test_icons.py [path]: the sheet for a person to look at
    import sys

    pygame.init()
    contact_sheet(Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/icons_sheet.png"))


def test_every_icon_a_scenario_may_give_a_meter_is_drawn() -> None:
    from gaiko_game.core.model import METER_ICONS

    assert set(METER_ICONS) <= set(icons.ICON_NAMES)
