"""A scenario's expected outcomes (its ``tests.yaml``), read and checked like a scenario.

Each test states a figure the balance lab measures and a bound it must respect::

    format: 1
    tests:
      - {id: hedge_beats_random, beats: hedge, over: random, by: 3, seeds: 60}
      - {id: random_rarely_tops, top_rating: random, at_most: 5, seeds: 200, tier: full}
      - {id: neglect_loses, loses: do_nothing, at_least: 90}
      - {id: summit_happens, fires: g7_presidency, at_least: 20}
      - {id: advisor_unbeaten, unbeaten: lookahead, tier: full}
      - {id: no_top_without_ally, tops_after_low: {track: us_commitment, below: 20}, at_most: 0}

Players are ``random``, ``lookahead``, a shipped strategy's id, the scenario's own (its
``strategies/`` folder) or a strategy file's path inside the scenario folder. Percentages go from
0 to 100. ``tier: quick`` tests run in ``make test``, ``tier: full`` in ``make test-full``;
``expect_fail`` keeps a target the scenario misses today, with the reason, instead of deleting it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import Field

from gaiko_game.core.model import Scenario
from gaiko_game.scenario import paths
from gaiko_game.scenario.context import Checker
from gaiko_game.scenario.diagnostics import Diagnostic, did_you_mean
from gaiko_game.scenario.schema import D, Id, Strict
from gaiko_game.scenario.strategyfile import bind, read_strategy
from gaiko_game.scenario.yamlsafe import Document, Path_, read

TESTS_FILE = "tests.yaml"
KINDS = ("beats", "top_rating", "loses", "fires", "unbeaten", "tops_after_low")
Player = str


class LowModel(Strict):
    track: Id | None = D("a track of the scenario", default=None)
    relation: Id | None = D("an actor: its relation with the player", default=None)
    below: int = D("the value the number fell below at some point of the game", ge=-100, le=100)


class ExpectationModel(Strict):
    id: Id = D("test id, unique in the file (printed with its result)")
    beats: Player | None = D("this player beats `over` by at least `by` points, with 95% confidence: the lower end "
                             "of the 95% interval of the paired difference (same seeds) is at least `by`",
                             default=None, min_length=1)
    over: Player | None = D("with `beats`: the player it must beat", default=None, min_length=1)
    by: float = D("with `beats`: the margin in points (may be 0); with `unbeaten`: how far above the player the "
                  "search's best may be before it counts as beating it", default=0.0, ge=0, le=100)
    top_rating: Player | None = D("the share of this player's games at the best rating, bounded by `at_most` "
                                  "and/or `at_least`", default=None, min_length=1)
    loses: Player | None = D("the share of this player's games lost (ended before the last turn, or rated lowest), "
                             "bounded by `at_least` and/or `at_most`", default=None, min_length=1)
    fires: Id | None = D("the share of games (played by `player`) in which this event fires", default=None)
    unbeaten: Player | None = D("the best strategy the lab's search finds (with `budget` games, scored on held-out "
                                "seeds) does not beat this player: the lower end of the 95% interval of their paired "
                                "difference is at most `by`", default=None, min_length=1)
    tops_after_low: LowModel | None = D("of the games in which this number fell below `below` at some point, the "
                                        "share that still earned the best rating, bounded by `at_most` and/or "
                                        "`at_least`; played by `players`", default=None)
    players: list[Player] = D("with `tops_after_low`: who plays the games (default: random play and every "
                              "strategy, shipped and the scenario's own)", default=[], max_length=50)
    player: Player = D("with `fires`: who plays the games", default="random", min_length=1)
    at_least: float | None = D("lower bound of the share, in percent (0–100)", default=None, ge=0, le=100)
    at_most: float | None = D("upper bound of the share, in percent (0–100)", default=None, ge=0, le=100)
    seeds: int = D("games each player plays (seeds 0, 1, …)", default=100, ge=1, le=5000)
    budget: int = D("with `unbeaten`: games the search may play (at least 1,000)", default=16_000, ge=1000,
                    le=1_000_000)
    difficulty: Id | None = D("a difficulty the scenario declares (default: its default)", default=None)
    without: list[Id] = D("assumptions switched off for its games (does the result hold without them?)", default=[])
    tier: Literal["quick", "full"] = D("quick: runs in `make test`; full: in `make test-full` (large samples)",
                                       default="quick")
    expect_fail: str | None = D("the reason the scenario misses this target today: the test must fail, and "
                                "passing is reported so the mark can be removed", default=None, min_length=3)


class TestsFileModel(Strict):
    format: Literal[1] = D("tests file format version")
    tests: list[ExpectationModel] = D("the scenario's expected outcomes", default=[], max_length=200)


class _TestsFileShape(Strict):
    """The file's outer shape: each test is then checked on its own, so one bad test hides no other."""

    format: Literal[1]
    tests: Annotated[list[Any], Field(max_length=200, default_factory=list)]


APPLIES: dict[str, frozenset[str]] = {
    "beats": frozenset({"over", "by"}),
    "top_rating": frozenset({"at_least", "at_most"}),
    "loses": frozenset({"at_least", "at_most"}),
    "fires": frozenset({"at_least", "at_most", "player"}),
    "unbeaten": frozenset({"by", "budget"}),
    "tops_after_low": frozenset({"at_least", "at_most", "players"}),
}
"""The keys each kind of test reads (besides id, seeds, difficulty, tier and expect_fail)."""


@dataclass(frozen=True)
class Expectation:
    """One expected outcome, ready to measure."""

    id: str
    kind: str
    player: str
    other: str | None
    event: str | None
    by: float
    at_least: float | None
    at_most: float | None
    seeds: int
    budget: int
    difficulty: str | None
    tier: str
    expect_fail: str | None
    file: str
    line: int
    index: int = 0
    without: tuple[str, ...] = ()
    low: tuple[str, int] | None = None
    """With ``tops_after_low``: the number (``track.<id>`` or ``relation.<actor>``) and the value it fell below."""
    group: tuple[str, ...] = ()
    """With ``tops_after_low``: the players named (empty: random play and every strategy)."""

    def players(self) -> tuple[str, ...]:
        """The players whose games it needs (for ``tops_after_low`` with no players named: see ``group``)."""
        if self.kind == "tops_after_low":
            return self.group
        return (self.player, self.other) if self.other else (self.player,)


@dataclass
class TestsFile:
    """A tests file read and checked: its tests (empty on errors) and every diagnostic."""

    tests: list[Expectation]
    diagnostics: list[Diagnostic]
    document: Document | None = None

    @property
    def ok(self) -> bool:
        """Whether its tests can run."""
        return not any(d.is_error for d in self.diagnostics)


def _kind(ck: Checker, doc: Document, i: int, t: ExpectationModel) -> str | None:
    named = [k for k in KINDS if getattr(t, k) is not None]
    if len(named) != 1:
        ck.report(doc, ("tests", i), "bad-test", f"test '{t.id}' " + (
            f"states {' and '.join(named)}" if named else "states nothing to measure"),
                  hint=f"give exactly one of {', '.join(KINDS)}")
        return None
    kind = named[0]
    stray = sorted((t.model_fields_set & set().union(*APPLIES.values())) - APPLIES[kind])
    if stray:
        ck.report(doc, ("tests", i, stray[0]), "bad-test", f"test '{t.id}' is a `{kind}` test: "
                  f"{', '.join(f'`{k}`' for k in stray)} does not apply to it",
                  hint=f"a `{kind}` test reads {', '.join(f'`{k}`' for k in sorted(APPLIES[kind]))}")
        return None
    if t.at_least is not None and t.at_most is not None and t.at_least > t.at_most:
        ck.report(doc, ("tests", i), "bad-test", f"test '{t.id}' asks for at least {t.at_least:g}% and at most "
                  f"{t.at_most:g}%: no figure can meet both", hint="swap the bounds, or drop one")
        return None
    if kind == "beats" and t.over is None:
        ck.report(doc, ("tests", i), "bad-test", f"test '{t.id}': `beats` needs `over`",
                  hint="name the player it must beat, e.g. `over: random`")
        return None
    if kind == "tops_after_low" and t.tops_after_low is not None and \
            (t.tops_after_low.track is None) == (t.tops_after_low.relation is None):
        ck.report(doc, ("tests", i, "tops_after_low"), "bad-test", f"test '{t.id}': `tops_after_low` names "
                  "a number by exactly one of `track` and `relation`",
                  hint="e.g. `{track: us_commitment, below: 20}` or `{relation: china, below: -70}`")
        return None
    if kind in ("top_rating", "loses", "fires", "tops_after_low") and t.at_least is None and t.at_most is None:
        ck.report(doc, ("tests", i), "bad-test", f"test '{t.id}' gives no bound",
                  hint="add `at_least: P` and/or `at_most: P` (percent, 0–100)")
        return None
    for bound in ("at_least", "at_most"):
        value = getattr(t, bound)
        if value is not None and 0 < value < 1:
            ck.report(doc, ("tests", i, bound), "small-percent", f"{bound}: {value} is less than 1%",
                      hint=f"percentages go from 0 to 100: did you mean {value * 100:g}?", warning=True)
    return kind


def read_tests(folder: Path, shown: str | None = None) -> TestsFile:
    """Read and check a scenario's ``tests.yaml`` (no file: no tests; never raises for its content).

    Every test is checked on its own: the valid ones are kept even when others have errors, so a
    later check (:func:`bind_tests`) can report their problems in the same pass.
    """
    shown = shown or str(folder / TESTS_FILE)
    if not os.path.lexists(folder / TESTS_FILE):
        return TestsFile([], [])
    ck = Checker()
    try:
        path = paths.inside(folder, TESTS_FILE, "tests.yaml must be a file in the scenario folder")
    except paths.BadPath as e:  # a folder, a link outside or in a loop: named, never followed
        ck.report(shown, (), e.code, e.message, hint=e.hint)
        return TestsFile([], ck.diagnostics)
    doc, diags = read(path, shown)
    ck.diagnostics.extend(diags)
    if doc is None:
        return TestsFile([], ck.diagnostics)
    shape = ck.validate(_TestsFileShape, doc.data if doc.data is not None else {}, doc, ())
    if shape is None:
        return TestsFile([], ck.diagnostics, doc)
    out, seen = [], set()
    for i, raw in enumerate(shape.tests):
        t = ck.validate(ExpectationModel, raw, doc, ("tests", i))
        if t is None:
            continue
        if t.id in seen:
            ck.report(doc, ("tests", i, "id"), "duplicate-id", f"test id '{t.id}' is used twice",
                      hint="give each test its own id")
        seen.add(t.id)
        kind = _kind(ck, doc, i, t)
        if kind is None:
            continue
        low = t.tops_after_low
        player = t.player if kind == "fires" else "" if low is not None else getattr(t, kind)
        key = None if low is None else (f"track.{low.track}" if low.track else f"relation.{low.relation}", low.below)
        out.append(Expectation(t.id, kind, player, t.over, t.fires, t.by, t.at_least, t.at_most, t.seeds, t.budget,
                               t.difficulty, t.tier, t.expect_fail, shown, doc.where(("tests", i))[0], i,
                               tuple(sorted(set(t.without))), key, tuple(t.players)))
    return TestsFile(out, ck.diagnostics, doc)


def bind_tests(file: TestsFile, sc: Scenario, players: list[str], folder: Path | None = None) -> list[Diagnostic]:
    """Check the tests against their scenario: each event, difficulty and player they name exists.

    ``players`` is every player name that resolves; a strategy file's path must lie inside ``folder``
    (the scenario's) and is read and checked against the scenario too.
    """
    if file.document is None:
        return []
    ck, doc = Checker(), file.document
    events = [e.id for e in sc.events]
    levels = [d.id for d in sc.difficulties]
    for t in file.tests:
        path = ("tests", t.index)
        if t.event is not None and t.event not in events:
            ck.report(doc, path + ("fires",), "unknown-id", f"scenario '{sc.id}' has no event '{t.event}'",
                      hint=did_you_mean(t.event, events) or "name an event of this scenario")
        for j, a in enumerate(t.without):
            if a not in sc.assumptions:
                ck.report(doc, path + ("without", j), "unknown-id", f"scenario '{sc.id}' has no assumption '{a}'",
                          hint=did_you_mean(a, sc.assumptions) or "name an assumption the scenario declares")
        if t.low is not None:
            kind, _, name = t.low[0].partition(".")
            known = [x.id for x in sc.tracks] if kind == "track" else [a.id for a in sc.actors if a.id != sc.player.id]
            if name not in known:
                ck.report(doc, path + ("tops_after_low", kind), "unknown-id",
                          f"scenario '{sc.id}' has no {kind} '{name}'",
                          hint=did_you_mean(name, known) or f"name a {kind} of this scenario")
        for j, member in enumerate(t.group):
            if member.endswith((".yaml", ".yml")):
                ck.diagnostics += _strategy_at(ck, doc, path + ("players", j), member, folder, sc)
            elif member not in players:
                ck.report(doc, path + ("players", j), "unknown-player", f"there is no player '{member}'",
                          hint=did_you_mean(member, players) or f"choose one of {', '.join(players)}")
        if t.difficulty is not None and t.difficulty not in levels:
            ck.report(doc, path + ("difficulty",), "unknown-id", f"scenario '{sc.id}' has no difficulty "
                      f"'{t.difficulty}'", hint=did_you_mean(t.difficulty, levels) or f"choose one of {', '.join(levels)}")
        for who, key in ((t.player, "player" if t.kind == "fires" else t.kind), (t.other, "over")):
            if not who:
                continue
            if who.endswith((".yaml", ".yml")):
                ck.diagnostics += _strategy_at(ck, doc, path + (key,), who, folder, sc)
            elif who not in players:
                ck.report(doc, path + (key,), "unknown-player", f"there is no player '{who}'",
                          hint=did_you_mean(who, players) or f"choose one of {', '.join(players)}")
    return ck.diagnostics


def _strategy_at(ck: Checker, doc: Document, at: Path_, given: str, folder: Path | None,
                 sc: Scenario) -> list[Diagnostic]:
    """Check a strategy file a test names by path: inside the scenario folder, present, valid on the scenario."""
    if folder is None:
        return []
    try:
        path = paths.inside(folder, given, "give its path from the scenario folder, e.g. strategies/mine.yaml")
    except paths.BadPath as e:
        if e.code == "path-outside":
            ck.report(doc, at, "outside-folder", e.message,
                      hint="put the strategy file inside the scenario folder (e.g. strategies/mine.yaml), so the "
                           "scenario and its tests travel together")
        elif e.code == "missing-file":
            ck.report(doc, at, e.code, f"there is no strategy file '{paths.short(given)}' in {folder}", hint=e.hint)
        else:
            ck.report(doc, at, e.code, e.message, hint=e.hint)
        return []
    file = read_strategy(path, str(folder / given))
    return file.diagnostics + bind(file, sc)

