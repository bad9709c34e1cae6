"""Opening a saved campaign from a screen: where the save leads, or a notice for the title when it cannot open."""

from __future__ import annotations

from pathlib import Path

from gaiko_game.session import saves
from gaiko_game.session.campaign import FolderScenario, open_save
from gaiko_game.ui.context import Context
from gaiko_game.ui.destinations import Destination, ToCampaign, ToDebrief, ToOpenFolder


def open_campaign(ctx: Context, path: Path, folder: Path | None = None) -> Destination | None:
    """Where a save leads: its campaign (or its debrief when it is over); None, with ``ctx.notice`` set, when it cannot open.

    A save played on a scenario folder of its own leads to the question whether to open that folder, unless it is
    the folder the game was started on (``gaiko play --scenario FOLDER``) or ``folder`` names it: the player's choice.
    """
    lang = ctx.settings.lang
    try:
        opened = open_save(path, folder)
    except FolderScenario as e:
        if e.chosen(Path(ctx.home_source.folder) if ctx.home_source.folder else None):
            return open_campaign(ctx, path, e.folder)
        return ToOpenFolder(path, e.folder)
    except saves.BadSave as e:
        ctx.notice = e.text(lang)
        return None
    c = opened.campaign
    if c.game.is_over:
        return ToDebrief(c)
    return ToCampaign(c, message=opened.notice.text(lang) if opened.notice else "")
