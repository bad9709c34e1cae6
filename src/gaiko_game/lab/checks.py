"""A scenario's expected outcomes (``tests.yaml``) measured: each figure next to its target.

Each player plays each difficulty's seeds once, however many tests need them; a test reads the
first ``seeds`` games. ``unbeaten`` runs the lab's search and plays its best on the test's seeds.
"""

from __future__ import annotations

from concurrent.futures import Executor
from dataclasses import dataclass
from pathlib import Path
from typing import cast

from gaiko_game.core import Scenario
from gaiko_game.lab.analysis import lost
from gaiko_game.lab.experiment import RANDOM, strategies
from gaiko_game.lab.runner import GameResult, Job, Progress, chunks, run
from gaiko_game.lab.search import Search
from gaiko_game.lab.stats import paired
from gaiko_game.lab.targets import low_target
from gaiko_game.scenario.expectations import Expectation
from gaiko_game.scenario.strategyfile import Strategy
from gaiko_game.session.players import CODED, strategy_path
from gaiko_game.session.strategy import load_strategy

TIERS = ("quick", "full")


@dataclass(frozen=True)
class Outcome:
    """A test's result: the figure measured, whether it meets the target, the sentences that say so."""

    test: Expectation
    measured: float
    passed: bool
    said: dict[str, str]

    @property
    def status(self) -> str:
        """pass, fail, xfail (failed as expected) or xpass (expected to fail, but passed)."""
        if self.test.expect_fail:
            return "xpass" if self.passed else "xfail"
        return "pass" if self.passed else "fail"

    @property
    def ok(self) -> bool:
        """Whether it is as the file says (a pass, or an expected failure)."""
        return self.status in ("pass", "xfail")

    def line(self, lang: str) -> str:
        """``file:line: STATUS id — measured vs target`` (and the reason, for an expected failure)."""
        t = self.test
        text = f"{t.file}:{t.line}: {self.status.upper():<5} {t.id} — {self.said[lang]}"
        if self.status == "xfail":
            text += f"\n    expected to fail: {t.expect_fail}"
        elif self.status == "xpass":
            text += ("\n    この目標は達成されました。expect_fail を外してください" if lang == "ja"
                     else "\n    it now passes: remove its `expect_fail`")
        return text


def selected(tests: list[Expectation], tier: str) -> list[Expectation]:
    """The tests a tier runs: quick runs the quick ones; full runs them all."""
    return [t for t in tests if tier == "full" or t.tier == "quick"]


def _bounds(t: Expectation, share: float) -> tuple[bool, str]:
    ok = (t.at_least is None or share * 100 >= t.at_least - 1e-9) and (t.at_most is None or share * 100 <= t.at_most + 1e-9)
    parts = ([f"≥ {t.at_least:g}%"] if t.at_least is not None else []) + (
        [f"≤ {t.at_most:g}%"] if t.at_most is not None else [])
    return ok, " and ".join(parts)


def _diff(a: list[float], b: list[float]) -> tuple[float, float, float]:
    """The mean of a − b over pairs (same seeds) and its 95% interval."""
    p = paired(a, b)
    lo, hi = cast(list[float], p["ci95"])
    return float(cast(float, p["mean_diff"])), float(lo), float(hi)


class Measure:
    """Plays what a scenario's tests need (through ``executor``, None: this process) and measures each."""

    def __init__(self, sc: Scenario, folder: Path, executor: Executor | None = None, quiet: bool = True) -> None:
        self.sc, self.folder, self.executor, self.quiet = sc, folder, executor, quiet
        self.games: dict[tuple[str, str, tuple[str, ...]], list[GameResult]] = {}

    def _player(self, name: str) -> str | Strategy:
        """A name a worker resolves, or a strategy file inside the scenario folder, read here (errors show early)."""
        if name in CODED:
            return name
        if name.endswith((".yaml", ".yml")):
            return load_strategy(self.folder / name, self.sc)
        load_strategy(strategy_path(name, self.folder), self.sc)
        return name

    def play(self, tests: list[Expectation]) -> None:
        """Play every game the tests need, in one batch."""
        need: dict[tuple[str, str, tuple[str, ...]], int] = {}
        for t in tests:
            level = self.sc.difficulty(t.difficulty).id
            for who in self.players_of(t):
                need[who, level, t.without] = max(need.get((who, level, t.without), 0), t.seeds)
        labelled = [(wanted, chunks(str(self.folder), self._player(wanted[0]), range(n), wanted[1], None, wanted[2]))
                    for wanted, n in need.items() if len(self.games.get(wanted, [])) < n]
        jobs: list[Job] = [j for _, js in labelled for j in js]
        results = run(jobs, self.executor, Progress(sum(len(j.seeds) for j in jobs), "tests", self.quiet))
        at = 0
        for key, js in labelled:
            self.games[key] = [g for chunk in results[at:at + len(js)] for g in chunk]
            at += len(js)

    def players_of(self, t: Expectation) -> tuple[str, ...]:
        """Who plays a test's games (a ``tops_after_low`` test naming no one: random play and every strategy)."""
        if t.kind == "tops_after_low" and not t.group:
            return (RANDOM, *(s.id for s in strategies(self.sc, self.folder)))
        return t.players()

    def _of(self, who: str, t: Expectation) -> list[GameResult]:
        return self.games[who, self.sc.difficulty(t.difficulty).id, t.without][:t.seeds]

    def outcome(self, t: Expectation) -> Outcome:
        """Measure one test (its players' games must have been played)."""
        n = t.seeds
        if t.kind == "beats":
            assert t.other is not None
            d, lo, hi = _diff([g.score for g in self._of(t.player, t)], [g.score for g in self._of(t.other, t)])
            return Outcome(t, d, lo >= t.by, {
                "en": f"{t.player} − {t.other} = {d:+.1f} points (95% interval {lo:+.1f} to {hi:+.1f}) "
                      f"over {n} seeds; target: the interval at or above {t.by:+.1f}",
                "ja": f"{t.player} − {t.other} = {d:+.1f} 点(95%区間 {lo:+.1f}〜{hi:+.1f}、{n} シード)、"
                      f"目標: 区間の下端が {t.by:+.1f} 点以上"})
        if t.kind == "unbeaten":
            return self._unbeaten(t)
        if t.kind == "tops_after_low":
            who = self.players_of(t)
            low = low_target(self.sc, t, [g for p in who for g in self._of(p, t)], len(who))
            return Outcome(t, low["share"], bool(low["pass"]),
                           {lang: f"{low['measured'][lang]}; {low['target'][lang]}" for lang in ("en", "ja")})
        games = self._of(t.player, t)
        if t.kind == "top_rating":
            top = max(self.sc.ratings, key=lambda r: r.min_score).id
            share = sum(g.rating == top for g in games) / n
            said = (f"{t.player} earns the top rating in {share:.0%} of {n} games",
                    f"{t.player} が最上位評価になったゲーム {share:.0%}({n} ゲーム中)")
        elif t.kind == "loses":
            share = sum(lost(self.sc, g) for g in games) / n
            said = (f"{t.player} loses {share:.0%} of {n} games", f"{t.player} が敗北したゲーム {share:.0%}({n} ゲーム中)")
        else:
            share = sum(bool(g.events[t.event or ""]) for g in games) / n
            said = (f"{t.event} fires in {share:.0%} of {n} games played by {t.player}",
                    f"{t.event} が起きたゲーム {share:.0%}({t.player} の {n} ゲーム中)")
        ok, target = _bounds(t, share)
        return Outcome(t, share * 100, ok, {"en": f"{said[0]}; target {target}", "ja": f"{said[1]}、目標 {target}"})

    def _unbeaten(self, t: Expectation) -> Outcome:
        level = self.sc.difficulty(t.difficulty).id
        progress = Progress(t.budget, "search", self.quiet)
        search = Search(self.sc, str(self.folder), lambda jobs: run(jobs, self.executor, progress),
                        budget=t.budget, difficulty=level, without=t.without)
        found = search.run(strategies(self.sc, self.folder))
        held = [g.score for chunk in run(chunks(str(self.folder), found.best, range(t.seeds), level, None, t.without),
                                         self.executor) for g in chunk]
        d, lo, hi = _diff(held, [g.score for g in self._of(t.player, t)])
        rules = "; ".join(found.best.describe())
        return Outcome(t, d, lo <= t.by, {
            "en": f"search's best − {t.player} = {d:+.1f} points (95% interval {lo:+.1f} to {hi:+.1f}) over {t.seeds} "
                  f"held-out seeds ({search.games} games searched; best: {rules}); target: the interval not above "
                  f"{t.by:+.1f}",
            "ja": f"探索の最良 − {t.player} = {d:+.1f} 点(95%区間 {lo:+.1f}〜{hi:+.1f}、{t.seeds} シード、探索 "
                  f"{search.games} ゲーム; 最良: {rules})、目標: 区間の下端が {t.by:+.1f} 点以下"})


def measure(sc: Scenario, folder: Path, tests: list[Expectation], executor: Executor | None = None,
            quiet: bool = True) -> list[Outcome]:
    """Every test's outcome, in file order."""
    m = Measure(sc, folder, executor, quiet)
    m.play(tests)
    return [m.outcome(t) for t in tests]
