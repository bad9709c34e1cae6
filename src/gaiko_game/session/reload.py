"""A campaign carried over to edited content of its scenario (hot reload while a modder edits the files).

The game is rebuilt from its record — seed, difficulty, decision log — on the new scenario, as a save reopened
on changed content is (``campaign.open_save``): decisions replay in order until one is no longer possible, and
the game stops there. The player keeps every decision the new content still allows.

Saves stay honest: a rebuilt game records the new content hash, and its log replays on that content to exactly
its state. A rebuild that kept every decision goes on in the campaign's own save slots; one that had to drop
decisions becomes a new campaign, so the old campaign's saves (with the whole log) are never rotated away.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from gaiko_game.core import Decision, Game, Refusal, Scenario, UnknownDifficulty
from gaiko_game.session.campaign import Campaign
from gaiko_game.session.seeding import new_game

KINDS = ("actions", "events", "rules", "actors")
"""The kinds of content a reload counts one by one (by id); everything else counts as the scenario's settings."""


@dataclass(frozen=True)
class KindChanges:
    """How the items of one kind differ between two versions of a scenario."""

    kind: str
    added: int = 0
    removed: int = 0
    changed: int = 0

    def __bool__(self) -> bool:
        return bool(self.added or self.removed or self.changed)


@dataclass(frozen=True)
class ContentChanges:
    """What an edit changed: items by kind, texts, and whether anything else (the settings) changed."""

    kinds: tuple[KindChanges, ...]
    texts: int = 0
    settings: bool = False

    @property
    def any(self) -> bool:
        """Whether the game sees any difference (an edit to comments or layout changes the hash only)."""
        return any(self.kinds) or bool(self.texts) or self.settings


def _by_id(items: tuple[object, ...]) -> dict[str, object]:
    return {str(getattr(x, "id", "")): x for x in items}


def _kind(kind: str, old: tuple[object, ...], new: tuple[object, ...]) -> KindChanges:
    before, after = _by_id(old), _by_id(new)
    return KindChanges(kind, added=len(after.keys() - before.keys()), removed=len(before.keys() - after.keys()),
                       changed=sum(before[k] != after[k] for k in before.keys() & after.keys()))


def _texts(old: Scenario, new: Scenario) -> int:
    keys = {(lang, key) for table in (old.loc, new.loc) for lang in table for key in table[lang]}
    return sum(old.loc.get(lang, {}).get(key) != new.loc.get(lang, {}).get(key) for lang, key in keys)


_SKIPPED = {*KINDS, "loc", "content_hash", "cache"}


def compare(old: Scenario, new: Scenario) -> ContentChanges:
    """What differs between two versions of a scenario (definitions compared by value, texts key by key)."""
    kinds = tuple(_kind(k, getattr(old, k), getattr(new, k)) for k in KINDS)
    settings = any(getattr(old, f.name) != getattr(new, f.name) for f in fields(Scenario) if f.name not in _SKIPPED)
    return ContentChanges(kinds, _texts(old, new), settings)


@dataclass(frozen=True)
class Stopped:
    """The first decision the new content no longer allows: on which turn, and why."""

    decision: Decision
    turn: int
    refusal: Refusal


@dataclass(frozen=True)
class Rebuilt:
    """A campaign rebuilt on new content, and how much of its log replayed."""

    campaign: Campaign
    played: int
    total: int
    stopped: Stopped | None = None
    same_campaign: bool = True
    """False when the rebuilt game saves as a new campaign (decisions dropped, or its difficulty removed)."""

    @property
    def whole(self) -> bool:
        """Whether every decision replayed."""
        return self.stopped is None and self.played == self.total


def _fresh(scenario: Scenario, seed: int, difficulty: str) -> tuple[Game, bool]:
    """A new game at the same difficulty, or at the default when the edit removed that difficulty (False)."""
    try:
        return new_game(scenario, seed, difficulty=difficulty), True
    except UnknownDifficulty:
        return new_game(scenario, seed), False


def rebuild_on(campaign: Campaign, scenario: Scenario) -> Rebuilt:
    """The campaign's game replayed on ``scenario`` as far as it allows (see the module's note on saves)."""
    old = campaign.game
    game, same_level = _fresh(scenario, campaign.seed, old.difficulty.id)
    history = list(old.history)
    stopped: Stopped | None = None
    played = 0
    for decision in history:
        turn = game.turn
        try:
            game.play(decision)
        except Refusal as refusal:
            stopped = Stopped(decision, turn, refusal)
            break
        played += 1
    kept = stopped is None and same_level
    rebuilt = Campaign(scenario, campaign.source, campaign.seed, game, campaign.id if kept else "",
                       campaign.weighting)
    return Rebuilt(rebuilt, played, len(history), stopped, kept)
