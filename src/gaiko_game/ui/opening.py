"""Opening a saved campaign from a screen: where the save leads, or a notice for the title when it cannot open."""

from __future__ import annotations

from pathlib import Path

from gaiko_game.session import saves
from gaiko_game.session.campaign import open_save
from gaiko_game.ui.context import Context
from gaiko_game.ui.destinations import Destination, ToCampaign, ToDebrief


def open_campaign(ctx: Context, path: Path) -> Destination | None:
    """Where a save leads: its campaign (or its debrief when it is over); None, with ``ctx.notice`` set, when it cannot open."""
    lang = ctx.settings.lang
    try:
        opened = open_save(path)
    except saves.BadSave as e:
        ctx.notice = e.text(lang)
        return None
    c = opened.campaign
    if c.game.is_over:
        return ToDebrief(c)
    return ToCampaign(c, message=opened.notice.text(lang) if opened.notice else "")
