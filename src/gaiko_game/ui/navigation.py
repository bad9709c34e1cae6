"""The navigation graph in one place: each destination and the screen that shows it."""

from __future__ import annotations

from gaiko_game.ui.context import Context
from gaiko_game.ui.destinations import (
    Destination,
    ToCampaign,
    ToCrash,
    ToCrisis,
    ToDebrief,
    ToDependence,
    ToEncyclopedia,
    ToLoad,
    ToNewCampaign,
    ToOpenFolder,
    ToProgrammes,
    ToReplay,
    ToReport,
    ToSettings,
    ToTitle,
)
from gaiko_game.ui.screen import Screen
from gaiko_game.ui.screens.campaign import CampaignScreen
from gaiko_game.ui.screens.crash import CrashScreen
from gaiko_game.ui.screens.crisis import CrisisScreen
from gaiko_game.ui.screens.debrief import DebriefScreen
from gaiko_game.ui.screens.dependence import DependenceScreen
from gaiko_game.ui.screens.encyclopedia import EncyclopediaScreen
from gaiko_game.ui.screens.load import LoadScreen
from gaiko_game.ui.screens.new_campaign import NewCampaignScreen
from gaiko_game.ui.screens.open_folder import OpenFolderScreen
from gaiko_game.ui.screens.programmes import ProgrammesScreen
from gaiko_game.ui.screens.replay import ReplayScreen
from gaiko_game.ui.screens.report import ReportScreen
from gaiko_game.ui.screens.settings_screen import SettingsScreen
from gaiko_game.ui.screens.title import TitleScreen


def build(to: Destination, ctx: Context) -> Screen:
    """The screen for a destination."""
    match to:
        case ToTitle():
            return TitleScreen(ctx)
        case ToNewCampaign(scenario, source):
            return NewCampaignScreen(ctx, scenario, source)
        case ToCampaign(campaign, compare, message):
            return CampaignScreen(ctx, campaign, compare, message)
        case ToCrisis(campaign, note):
            return CrisisScreen(ctx, campaign, note)
        case ToReport(campaign, report):
            return ReportScreen(ctx, campaign, report)
        case ToProgrammes(campaign):
            return ProgrammesScreen(ctx, campaign)
        case ToDependence(campaign):
            return DependenceScreen(ctx, campaign)
        case ToDebrief(campaign, compare):
            return DebriefScreen(ctx, campaign, compare)
        case ToReplay(campaign, start):
            return ReplayScreen(ctx, campaign, start)
        case ToEncyclopedia(scenario, start):
            return EncyclopediaScreen(ctx, scenario, start)
        case ToSettings():
            return SettingsScreen(ctx)
        case ToLoad():
            return LoadScreen(ctx)
        case ToOpenFolder():
            return OpenFolderScreen(ctx, to)
        case ToCrash():
            return CrashScreen(ctx, to)
    raise AssertionError(f"no screen for {to!r}")
