"""One lab run on one scenario: which players play which seeds, and the figures that come out.

The players are random play, every shipped strategy and the scenario's own, and the look-ahead
advisor, all on the same seeds (so every comparison is paired); random play is also played once
per action with that action forbidden (the action's marginal value); then the search looks for a
simple strategy that beats them, and its best is played on the lab's seeds, which it never saw.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Executor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gaiko_game.core import Scenario
from gaiko_game.lab.analysis import ADVISOR, Played, Settings, report_data
from gaiko_game.lab.describe import describe
from gaiko_game.lab.runner import GameResult, Interrupted, Job, Progress, chunks, run
from gaiko_game.lab.search import BUDGET, FAMILY_BUDGET, Search, Space, within
from gaiko_game.lab.stats import r2, summary
from gaiko_game.lab.targets import low_target, stated_bounds
from gaiko_game.scenario.expectations import Expectation, read_tests
from gaiko_game.scenario.strategyfile import Strategy, dump_strategy
from gaiko_game.session.strategy import load_strategy, scenario_paths, shipped_paths

RANDOM = "random"


@dataclass(frozen=True)
class Plan:
    """What a lab plays (``advisor_seeds`` 0: no advisor; ``search_budget`` 0: no search)."""

    seeds: int = 200
    first_seed: int = 0
    advisor_seeds: int = 200
    difficulty: str = ""
    search_budget: int = BUDGET
    ablation: bool = True
    families: bool = True
    """Also search within each strategy family (the shipped files that declare one) and report each at its best."""
    family_budget: int = FAMILY_BUDGET
    """Games each family's search may play."""
    without: tuple[str, ...] = ()
    """Assumptions switched off for every game (``gaiko lab --without``)."""

    @staticmethod
    def quick(difficulty: str = "") -> Plan:
        """A short lab for balance warnings: 60 seeds, the ablation, no advisor and no search."""
        return Plan(seeds=60, advisor_seeds=0, difficulty=difficulty, search_budget=0, families=False)


def strategies(sc: Scenario, folder: Path) -> list[Strategy]:
    """Every shipped strategy, then the scenario's own (a scenario's file of a shipped id replaces it)."""
    own = scenario_paths(folder)
    paths = {**{k: v for k, v in shipped_paths().items() if k not in own}, **own}
    return [load_strategy(p, sc) for p in paths.values()]


def _names(sc: Scenario, s: Strategy) -> dict[str, str]:
    """A strategy's names: the scenario's text ``strategy.<id>`` when it has one, else the file's own."""
    return {lang: sc.loc.get(lang, {}).get(f"strategy.{s.id}") or s.name(lang) for lang in ("ja", "en")}


@dataclass
class Lab:
    """A lab in progress; ``finished`` keeps every game played so far by player id (what Ctrl-C keeps)."""

    sc: Scenario
    folder: Path
    plan: Plan
    executor: Executor | None = None
    quiet: bool = False
    finished: dict[str, list[GameResult]] = field(default_factory=dict)
    searched: Strategy | None = None
    """The search's best, once found (each family's search starts from it, cut down to the family)."""

    def _play(self, labelled: list[tuple[str, list[Job]]], label: str) -> dict[str, list[GameResult]]:
        """Run every job in one batch (so all workers stay busy), keeping what finished if interrupted."""
        jobs = [job for _, js in labelled for job in js]
        owners = [who for who, js in labelled for _ in js]
        progress = Progress(sum(len(j.seeds) for j in jobs), label, self.quiet)
        try:
            results = run(jobs, self.executor, progress)
        except Interrupted as e:
            for i in sorted(e.done):
                self.finished.setdefault(owners[i], []).extend(e.done[i])
            raise
        out: dict[str, list[GameResult]] = {}
        for who, chunk in zip(owners, results, strict=True):
            out.setdefault(who, []).extend(chunk)
        for who, games in out.items():
            self.finished.setdefault(who, []).extend(games)
        return out

    def run(self) -> dict[str, Any]:
        """Play everything the plan asks for and return the report's data."""
        sc, folder, plan = self.sc, str(self.folder), self.plan
        seeds = range(plan.first_seed, plan.first_seed + plan.seeds)
        own = strategies(sc, self.folder)
        off = plan.without
        labelled: list[tuple[str, list[Job]]] = [(RANDOM, chunks(folder, RANDOM, seeds, plan.difficulty, None, off))]
        labelled += [(s.id, chunks(folder, s, seeds, plan.difficulty, None, off)) for s in own]
        if plan.advisor_seeds:
            advisor_seeds = range(plan.first_seed, plan.first_seed + plan.advisor_seeds)
            labelled.append((ADVISOR, chunks(folder, ADVISOR, advisor_seeds, plan.difficulty, None, off)))
        if plan.ablation:
            labelled += [(f"without:{a.id}", chunks(folder, RANDOM, seeds, plan.difficulty, a.id, off))
                         for a in sc.actions]
        games = self._play(labelled, "players")
        played = [Played(RANDOM, "random", {"ja": "ランダムな手", "en": "Random legal moves"}, games[RANDOM])]
        mine = scenario_paths(self.folder)
        played += [Played(s.id, "own" if s.id in mine else "strategy", _names(sc, s), games[s.id], s.descriptions or None)
                   for s in own]
        if plan.advisor_seeds:
            played.append(Played(ADVISOR, "advisor", {"ja": "先読みアドバイザー", "en": "Look-ahead advisor"},
                                 games[ADVISOR]))
        ablation = {a.id: (games[RANDOM], games[f"without:{a.id}"]) for a in sc.actions if plan.ablation}
        found = self._search(own, seeds, played) if plan.search_budget else None
        families = self._families(own, seeds, games) if plan.families and plan.search_budget else []
        settings = Settings(plan.seeds, plan.first_seed, plan.advisor_seeds, plan.difficulty, plan.search_budget,
                            plan.without)
        tests = read_tests(self.folder).tests
        data = report_data(sc, settings, played, ablation, found, stated_bounds(tests), folder)
        data["families"] = families
        data["verdict"] += self._low_targets(tests)
        return data

    def _low_targets(self, tests: list[Expectation]) -> list[dict[str, Any]]:
        """The scenario's ``tops_after_low`` tests, judged over every game this lab played (each player, the
        search's best and each family's best; not the ablation's games)."""
        who = [w for w in self.finished if not w.startswith("without:")]
        games = [g for w in who for g in self.finished[w]]
        out, seen = [], set()
        for t in tests:
            if t.kind == "tops_after_low" and (t.low, t.at_least, t.at_most) not in seen:
                seen.add((t.low, t.at_least, t.at_most))  # a quick and a full test of one bound: one line
                line = low_target(self.sc, t, games, len(who))
                del line["share"]
                out.append(line)
        return out

    def _families(self, own: list[Strategy], seeds: range, games: dict[str, list[GameResult]]) -> list[dict[str, Any]]:
        """Each strategy family at its best: the search within the family's roles, scored on the lab's seeds."""
        plan, out = self.plan, []
        for s in own:
            if not s.family or not Space.of(self.sc, s.family).actions:
                continue  # no family, or none of its roles is mapped to an action in this scenario
            progress = Progress(plan.family_budget, f"family {s.id}", self.quiet)
            search = Search(self.sc, str(self.folder), self._runner(progress),
                            seed=plan.first_seed, budget=plan.family_budget, difficulty=plan.difficulty,
                            first_seed=plan.first_seed, without=plan.without, family=s.family)
            start = [s] + [c for c in ([within(self.searched, self.sc, s.family)] if self.searched else []) if c]
            best = search.run(start).best
            held = self._play([(f"family:{s.id}", chunks(str(self.folder), best, seeds, plan.difficulty, None,
                                                         plan.without))], f"family {s.id}")[f"family:{s.id}"]
            file_scores = [g.score for g in games[s.id]]
            out.append({"id": s.id, "name": _names(self.sc, s), "roles": list(s.family),
                        "file": summary(file_scores), "best": summary([g.score for g in held]),
                        "rules": best.describe(), "rules_text": describe(best, self.sc),
                        "top_rating": r2(sum(g.rating == _top(self.sc) for g in held) / max(1, len(held)))})
        return sorted(out, key=lambda f: -float(f["best"]["mean"]))

    def _runner(self, progress: Progress) -> Callable[[list[Job]], list[list[GameResult]]]:
        """Play jobs on this lab's executor, counting them on ``progress``."""
        def evaluate(jobs: list[Job]) -> list[list[GameResult]]:
            return run(jobs, self.executor, progress)
        return evaluate

    def _search(self, own: list[Strategy], seeds: range, played: list[Played]) -> dict[str, Any]:
        """Search for a dominant simple strategy, then play its best on the lab's own seeds."""
        plan = self.plan
        progress = Progress(plan.search_budget, "search", self.quiet)

        def evaluate(jobs: list[Job]) -> list[list[GameResult]]:
            return run(jobs, self.executor, progress)

        search = Search(self.sc, str(self.folder), evaluate, seed=plan.first_seed, budget=plan.search_budget,
                        difficulty=plan.difficulty, first_seed=plan.first_seed, without=plan.without)
        found = search.run(own)
        best = self.searched = found.best
        heldout = self._play([("search", chunks(str(self.folder), best, seeds, plan.difficulty, None, plan.without))],
                             "search's best")
        games = heldout["search"]
        played.append(Played("search", "search", _names(self.sc, best), games))
        scores = [g.score for g in games]
        return {"budget": plan.search_budget, "games": found.games,
                "seeds_searched": [search.seeds.start, len(search.seeds)],
                "seeds_heldout": [seeds.start, len(seeds)],
                "best": {"rules": best.describe(), "rules_text": describe(best, self.sc),
                         "yaml": dump_strategy(best, _comment(self.folder, found.score)),
                         "search_score": round(found.score, 2), "heldout": summary(scores)},
                "history": found.history}


def _top(sc: Scenario) -> str:
    return max(sc.ratings, key=lambda r: r.min_score).id if sc.ratings else ""


def _comment(folder: Path, score: float) -> str:
    return (f"Found by 'gaiko lab {folder}': mean {score:.1f} on the search's seeds.\n"
            f"Replay it with: gaiko simulate --scenario {folder} --strategy best_strategy.yaml --runs 200")
