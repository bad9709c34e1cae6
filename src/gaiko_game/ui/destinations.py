"""Where a screen can send the player: plain data, built into screens by ``ui.navigation``.

A screen returns ``Push(ToCrisis(campaign))`` instead of constructing the next screen, so no
screen imports another and the navigation graph lives in one file.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from gaiko_game.core import Scenario, TurnReport
from gaiko_game.session.campaign import Campaign, Source

Series = dict[str, list[int]]
"""Each meter's values over the turns (an earlier run, drawn thin in a what-if)."""


@dataclass(frozen=True)
class ToTitle:
    """The title screen."""


@dataclass(frozen=True)
class ToNewCampaign:
    """Choose the difficulty (and scenario) and start."""

    scenario: Scenario
    source: Source


@dataclass(frozen=True)
class ToCampaign:
    """Play a campaign (``compare``: an earlier run's curves, for a what-if; ``message``: a line to show first)."""

    campaign: Campaign
    compare: Series | None = None
    message: str = ""


@dataclass(frozen=True)
class ToCrisis:
    """Answer the campaign's pending crisis (``note``: the last roll's result, shown on top)."""

    campaign: Campaign
    note: str = ""


@dataclass(frozen=True)
class ToReport:
    """Read a turn's report."""

    campaign: Campaign
    report: TurnReport


@dataclass(frozen=True)
class ToProgrammes:
    """The campaign's standing programmes in force: withdraw one, after seeing what ending it costs."""

    campaign: Campaign


@dataclass(frozen=True)
class ToDependence:
    """The campaign's dependence shares by kind and partner, and where the diversified meter is heading."""

    campaign: Campaign


@dataclass(frozen=True)
class ToDebrief:
    """The end of a campaign."""

    campaign: Campaign
    compare: Series | None = None


@dataclass(frozen=True)
class ToReplay:
    """Step through a campaign's turns on the map, from ``start``."""

    campaign: Campaign
    start: int = 1


@dataclass(frozen=True)
class ToEncyclopedia:
    """The background of a scenario's actions and crises (``start``: an entry such as ``action.joint_drills``)."""

    scenario: Scenario
    start: str | None = None


@dataclass(frozen=True)
class ToSettings:
    """Language, scale, fullscreen, advisor."""


@dataclass(frozen=True)
class ToLoad:
    """Every saved campaign."""


@dataclass(frozen=True)
class ToOpenFolder:
    """Ask before opening a save played on a scenario folder of its own (``back``: where Back goes; None: below)."""

    save: Path
    folder: Path
    back: ToLoad | None = None


@dataclass(frozen=True)
class ToCrash:
    """Something went wrong: what, where the log is, and whether the campaign was saved."""

    error: str
    log: str
    saved: bool
    save_problem: str = ""


Destination = (ToTitle | ToNewCampaign | ToCampaign | ToCrisis | ToReport | ToProgrammes | ToDependence | ToDebrief
               | ToReplay | ToEncyclopedia | ToSettings | ToLoad | ToOpenFolder | ToCrash)
