"""Saves as a player reads them: which campaign, which turn, when, which slot."""

from __future__ import annotations

from datetime import datetime

from gaiko_game.core import Texts
from gaiko_game.present.words import TABLE
from gaiko_game.session.saves import QUICKSAVE, SaveInfo


def slot_name(t: Texts, slot: str) -> str:
    """"Quick save" or "Autosave 2"."""
    return t.ui("saves.quicksave") if slot == QUICKSAVE else t.ui("saves.autosave", n=slot.rsplit("-", 1)[-1])


def local_time(stamp: str) -> str:
    """A save's UTC time stamp as local time to the minute."""
    try:
        return datetime.fromisoformat(stamp).astimezone().strftime("%Y-%m-%d %H:%M")
    except (ValueError, OverflowError):  # not a time, or one that has no local time (year 1 at +05:00)
        return stamp[:32]


def save_label(info: SaveInfo, lang: str) -> str:
    """One line for a save: "Indo-Pacific 2025 · turn 7 · 2026-11-30 15:20 · Autosave 1"."""
    t = Texts({}, lang, TABLE)
    key = "saves.over" if info.over else "saves.line"
    return t.ui(key, scenario=info.name(lang), turn=info.turn, when=local_time(info.saved_at),
                slot=slot_name(t, info.slot))


def meters_line(info: SaveInfo, lang: str) -> str:
    """A save's meters in the player's language: "Security 57 · Prosperity 61 · Autonomy 48"."""
    return " · ".join(f"{name} {v}" for name, v in info.meters_in(lang))


def started(info: SaveInfo, lang: str) -> str:
    """When the save's campaign began (from its id), so two campaigns of one scenario can be told apart."""
    parts = info.campaign.rsplit("-", 3)
    stamp = f"{parts[1]}-{parts[2]}" if len(parts) == 4 else ""
    try:
        when = datetime.strptime(stamp, "%Y%m%d-%H%M%S").strftime("%Y-%m-%d %H:%M")
    except ValueError:
        when = info.campaign
    return Texts({}, lang, TABLE).ui("saves.started", when=when)
