"""Many games, in chunks of seeds, through any executor: one process, a process pool, Dask or Ray.

A job is (scenario folder, player, seeds, difficulty, an action to forbid); a worker loads the
scenario once per process and plays the chunk. Results come back in job order whatever finished
first, so the same lab gives the same bytes with one process, two, or a cluster. Ctrl-C cancels
what has not started and keeps what finished (:class:`Interrupted` carries it).
"""

from __future__ import annotations

import dataclasses
import sys
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from concurrent.futures import Executor, Future, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path

from gaiko_game.core import Game, Order, Scenario
from gaiko_game.scenario.loader import load
from gaiko_game.scenario.strategyfile import Strategy
from gaiko_game.session.campaign import Campaign, Source
from gaiko_game.session.players import make_policy
from gaiko_game.session.policies import Policy, play_game
from gaiko_game.session.seeding import stream
from gaiko_game.session.strategy import StrategyPolicy

CHUNK = 25
"""Seeds a job plays: small enough to spread over workers, large enough that sending it costs little."""


class LabError(RuntimeError):
    """The lab cannot go on: a message a user can act on (no traceback)."""


@dataclass(frozen=True)
class Job:
    """Games to play: a player on a scenario over some seeds (``banned``: an action it may not take)."""

    folder: str
    player: str | Strategy
    seeds: tuple[int, ...]
    difficulty: str | None = None
    banned: str | None = None
    without: tuple[str, ...] = ()
    """Assumptions switched off (the scenario is loaded without what encodes them)."""


@dataclass
class GameResult:
    """One game: the final numbers, the meters after every turn, what was taken, fired and chosen."""

    seed: int
    score: float
    rating: str
    ending: str
    turns: int
    meters: dict[str, int]
    trajectory: list[list[int]]
    actions: Counter[str] = field(default_factory=Counter)
    events: Counter[str] = field(default_factory=Counter)
    choices: Counter[str] = field(default_factory=Counter)
    lows: dict[str, int] = field(default_factory=dict)
    """The lowest each track (``track.<id>``) and relation (``relation.<actor>``) stood during the game."""

    def as_dict(self) -> dict[str, object]:
        """Plain data for JSON (``dataclasses.asdict`` would count a Counter's items instead of copying it)."""
        return {"seed": self.seed, "score": self.score, "rating": self.rating, "ending": self.ending,
                "turns": self.turns, "meters": dict(self.meters), "trajectory": self.trajectory,
                "actions": dict(self.actions), "events": dict(self.events), "choices": dict(self.choices),
                "lows": dict(self.lows)}


_SCENARIOS: dict[tuple[str, str | None, tuple[str, ...]], Scenario] = {}


def scenario_for(folder: str, banned: str | None = None, without: tuple[str, ...] = ()) -> Scenario:
    """The scenario in a folder, loaded once per process (without one action when ``banned`` names it, and
    without the assumptions ``without`` names)."""
    key = (folder, banned, without)
    if key not in _SCENARIOS:
        if (folder, None, without) not in _SCENARIOS:
            result = load(folder, without)
            if result.scenario is None:
                first = next((d.format() for d in result.diagnostics if d.is_error), "")
                raise LabError(f"{folder} does not validate: {first}" if without else
                               f"{folder} does not validate: run 'gaiko validate {folder}'")
            _SCENARIOS[folder, None, without] = result.scenario
        base = _SCENARIOS[folder, None, without]
        if banned is not None:
            _SCENARIOS[key] = dataclasses.replace(base, actions=tuple(a for a in base.actions if a.id != banned))
    return _SCENARIOS[key]


def policy_for(job: Job, seed: int, scenario: Scenario) -> Policy:
    """The job's player for one seed, drawing from that seed's policy stream."""
    rng = stream(seed, "policy")
    if isinstance(job.player, Strategy):
        return StrategyPolicy(job.player, rng)
    return make_policy(job.player, rng, scenario, Path(job.folder))


def play_chunk(job: Job) -> list[GameResult]:
    """Play a job's games (the function every worker runs)."""
    sc = scenario_for(job.folder, job.banned, job.without)
    out = []
    for seed in job.seeds:
        campaign = Campaign.new(sc, Source(folder=job.folder), seed, job.difficulty, undo=False, explain=False)
        game = play_game(campaign.game, policy_for(job, seed, sc))
        result = game.outcome()
        assert result is not None
        meters = sc.meter_ids()
        out.append(GameResult(
            seed, result.score, result.rating, result.ending, result.turns, result.meters,
            [[r.meters[m] for m in meters] for r in game.reports],
            Counter(d.action for d in game.history if isinstance(d, Order)),
            Counter(f.event for f in game.fired),
            Counter(f"{f.event}.{f.choice}" for f in game.fired if f.choice),
            lows(sc, game),
        ))
    return out


def lows(sc: Scenario, game: Game) -> dict[str, int]:
    """The lowest value each track and relation took during a game: its start, or any value it passed through."""
    view = game.view
    out = {f"track.{t.id}": view.track(t.id) for t in sc.tracks}
    out.update((f"relation.{a.id}", view.relation(a.id)) for a in sc.actors if a.id != sc.player.id)
    for c in game.ledger:
        low = out.get(c.key)
        if low is not None:
            out[c.key] = min(low, c.before, c.after)
    return out


def chunks(folder: str, player: str | Strategy, seeds: Iterable[int], difficulty: str | None = None,
           banned: str | None = None, without: tuple[str, ...] = ()) -> list[Job]:
    """Jobs of :data:`CHUNK` seeds each covering ``seeds`` in order."""
    all_seeds = list(seeds)
    return [Job(folder, player, tuple(all_seeds[i:i + CHUNK]), difficulty, banned, without)
            for i in range(0, len(all_seeds), CHUNK)]


class Interrupted(LabError):
    """Ctrl-C: ``done`` holds the results of the jobs that finished, by job index."""

    def __init__(self, done: dict[int, list[GameResult]], total: int) -> None:
        self.done = done
        super().__init__(f"interrupted: {len(done)} of {total} chunks finished")


class Progress:
    """A one-line progress bar on stderr, only on a terminal (and never with ``quiet``)."""

    def __init__(self, total: int, label: str, quiet: bool = False) -> None:
        self.total, self.label, self.done = total, label, 0
        self.show = not quiet and sys.stderr.isatty()
        self._last = 0.0

    def add(self, n: int) -> None:
        """Count ``n`` more games and redraw at most ten times a second."""
        self.done += n
        now = time.monotonic()
        if self.show and (now - self._last > 0.1 or self.done >= self.total):
            self._last = now
            filled = round(30 * self.done / max(1, self.total))
            sys.stderr.write(f"\r{self.label:<24} [{'#' * filled}{'.' * (30 - filled)}] {self.done}/{self.total} games")
            if self.done >= self.total:
                sys.stderr.write("\n")
            sys.stderr.flush()


def run(jobs: list[Job], executor: Executor | None, progress: Progress | None = None) -> list[list[GameResult]]:
    """Every job's results, in job order (``executor`` None: in this process)."""
    done: dict[int, list[GameResult]] = {}
    try:
        if executor is None:
            for i, job in enumerate(jobs):
                done[i] = play_chunk(job)
                if progress:
                    progress.add(len(job.seeds))
        else:
            futures: dict[Future[list[GameResult]], int] = {executor.submit(play_chunk, job): i for i, job in enumerate(jobs)}
            try:
                for fut in as_completed(futures):
                    done[futures[fut]] = fut.result()
                    if progress:
                        progress.add(len(jobs[futures[fut]].seeds))
            finally:
                for fut in futures:
                    fut.cancel()
    except KeyboardInterrupt:
        raise Interrupted(done, len(jobs)) from None
    except BrokenProcessPool as e:
        raise LabError(f"a worker process died ({e}); the results so far are discarded — run again") from None
    return [done[i] for i in range(len(jobs))]


def flatten(results: Iterable[list[GameResult]]) -> Iterator[GameResult]:
    """Every game of a list of job results, in order."""
    for chunk in results:
        yield from chunk
