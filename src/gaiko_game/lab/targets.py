"""The game-quality targets (the design's balance targets), checked against a lab's figures, in both languages.

Random play earns the top rating in at most 5% of games; doing nothing loses at least 90%; no
simple strategy the search finds beats the look-ahead advisor; skill orders the results (advisor >
hedge > random). Comparisons between players are judged on paired differences (same seeds) and
their 95% intervals, never on two means alone, so chance cannot pass or fail a target. A
scenario's ``tests.yaml`` may state its own bound for the first two (a five-turn tutorial is not
lost by waiting); the verdict then uses that bound and says so. A target the lab cannot check
(no advisor in a quick lab, no search) is listed as not checked, with what it needs.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from gaiko_game.core import Scenario
from gaiko_game.lab.runner import GameResult
from gaiko_game.scenario.expectations import Expectation

RANDOM_TOP_MAX = 0.05
DO_NOTHING_LOSES_MIN = 0.90


@dataclass(frozen=True)
class Bound:
    """A share's bounds (0–1); ``stated``: written in the scenario's tests.yaml rather than the design's."""

    at_least: float | None = None
    at_most: float | None = None
    stated: bool = False

    def holds(self, share: float) -> bool:
        """Whether ``share`` lies within the bounds."""
        return (self.at_least is None or share >= self.at_least - 1e-9) and (
            self.at_most is None or share <= self.at_most + 1e-9)

    def words(self) -> tuple[str, str]:
        """The bounds in Japanese and English (e.g. "5% 以下", "at most 5%")."""
        ja = [f"{_pct(self.at_least)} 以上"] if self.at_least is not None else []
        ja += [f"{_pct(self.at_most)} 以下"] if self.at_most is not None else []
        en = [f"at least {_pct(self.at_least)}"] if self.at_least is not None else []
        en += [f"at most {_pct(self.at_most)}"] if self.at_most is not None else []
        return "かつ".join(ja), " and ".join(en)


DEFAULT_BOUNDS = {"random_top_rating": Bound(at_most=RANDOM_TOP_MAX), "do_nothing_loses": Bound(at_least=DO_NOTHING_LOSES_MIN)}


def _pct(x: float) -> str:
    return f"{100 * x:.0f}%"


def _signed(x: float) -> str:
    return f"{x:+.1f}".replace("-0.0", "+0.0")


def _interval(p: dict[str, Any]) -> tuple[str, str]:
    lo, hi = p["ci95"]
    return f"95%区間 {_signed(lo)}〜{_signed(hi)}", f"95% interval {_signed(lo)} to {_signed(hi)}"


def _target(tid: str, target: tuple[str, str], measured: tuple[str, str], passed: bool | None) -> dict[str, Any]:
    return {"id": tid, "target": {"ja": target[0], "en": target[1]},
            "measured": {"ja": measured[0], "en": measured[1]}, "pass": passed}


def _share_target(tid: str, player: dict[str, Any] | None, key: str, bound: Bound,
                  what: tuple[str, str], missing: tuple[str, str]) -> dict[str, Any]:
    ja_b, en_b = bound.words()
    source = ("(このシナリオの tests.yaml)", " (this scenario's tests.yaml)") if bound.stated else ("", "")
    target = (f"{what[0]}ゲームが {ja_b}{source[0]}", f"{what[1]} in {en_b} of games{source[1]}")
    if player is None:
        return _target(tid, target, missing, None)
    share = float(player[key])
    return _target(tid, target, (f"{_pct(share)}({player['games']} ゲーム中)", f"{_pct(share)} of {player['games']} games"),
                   bound.holds(share))


def verdict(players: dict[str, dict[str, Any]], pairs: dict[tuple[str, str], dict[str, Any]],
            bounds: dict[str, Bound] | None = None) -> list[dict[str, Any]]:
    """Every target: what it asks, what was measured, whether it holds (None: not checked, and why).

    ``pairs`` holds paired differences by (player, other): ("search", "lookahead"), ("lookahead", "hedge"),
    ("hedge", "random"), each as :func:`gaiko_game.lab.stats.paired` gives it.
    """
    b = {**DEFAULT_BOUNDS, **(bounds or {})}
    out = [
        _share_target("random_top_rating", players.get("random"), "top_rating", b["random_top_rating"],
                      ("ランダムな手で最上位評価になる", "random play earns the top rating"),
                      ("未確認: ランダムな手を対局させていません", "not checked: random play was not played")),
        _share_target("do_nothing_loses", players.get("do_nothing"), "lost", b["do_nothing_loses"],
                      ("何もしないと敗北する", "doing nothing loses"),
                      ("未確認: do_nothing の戦略ファイルがありません", "not checked: there is no do_nothing strategy")),
    ]
    search = pairs.get(("search", "lookahead"))
    target = ("探索で見つかる単純な戦略がアドバイザーを上回らない(差の95%区間の下端が0以下)",
              "no simple strategy found by the search beats the advisor (the paired difference's 95% interval "
              "reaches 0)")
    if search is None:
        out.append(_target("search_below_advisor", target, (
            "未確認: アドバイザーと探索の両方が必要です(--quick や --no-search を外して実行)",
            "not checked: needs both the advisor and the search (run without --quick and --no-search)"), None))
    else:
        ja_i, en_i = _interval(search)
        d = _signed(float(search["mean_diff"]))
        out.append(_target("search_below_advisor", target, (f"探索の最良 − アドバイザー = {d}({ja_i})",
                                                            f"search's best − advisor = {d} ({en_i})"),
                           float(search["ci95"][0]) <= 0))
    top, low = pairs.get(("lookahead", "hedge")), pairs.get(("hedge", "random"))
    target = ("腕前の順に結果が並ぶ: アドバイザー > ヘッジ > ランダム(どの差も95%区間が0を上回る)",
              "skill orders the results: advisor > hedge > random (each difference's 95% interval above 0)")
    if top is None or low is None:
        out.append(_target("skill_orders_results", target, (
            "未確認: アドバイザー、hedge、ランダムな手がすべて必要です",
            "not checked: needs the advisor, hedge and random play"), None))
    else:
        (ja_t, en_t), (ja_l, en_l) = _interval(top), _interval(low)
        dt, dl = _signed(float(top["mean_diff"])), _signed(float(low["mean_diff"]))
        out.append(_target("skill_orders_results", target, (
            f"アドバイザー − ヘッジ = {dt}({ja_t})、ヘッジ − ランダム = {dl}({ja_l})",
            f"advisor − hedge = {dt} ({en_t}); hedge − random = {dl} ({en_l})"),
            float(top["ci95"][0]) > 0 and float(low["ci95"][0]) > 0))
    return out


def stated_bounds(tests: list[Expectation]) -> dict[str, Bound]:
    """The bounds a scenario's tests.yaml states for the verdict's share targets (the last test of each wins)."""
    out = {}
    for t in tests:
        tid = {("top_rating", "random"): "random_top_rating", ("loses", "do_nothing"): "do_nothing_loses"}.get(
            (t.kind, t.player))
        if tid is not None:
            out[tid] = Bound(None if t.at_least is None else t.at_least / 100,
                             None if t.at_most is None else t.at_most / 100, stated=True)
    return out


def low_target(sc: Scenario, t: Expectation, games: list[GameResult], players: int) -> dict[str, Any]:
    """A ``tops_after_low`` test as a verdict line: of the games in which its number fell below its bound at some
    point, the share still rated best (``share`` in percent)."""
    assert t.low is not None
    key, below = t.low
    kind, _, name = key.partition(".")
    top = max(sc.ratings, key=lambda r: r.min_score).id
    fell = [g for g in games if g.lows.get(key, below) < below]
    topped = sum(g.rating == top for g in fell)
    share = topped / len(fell) if fell else 0.0
    bound = Bound(None if t.at_least is None else t.at_least / 100, None if t.at_most is None else t.at_most / 100,
                  stated=True)
    ja_b, en_b = bound.words()

    def what(lang: str) -> str:
        text = sc.loc.get(lang, {})
        if kind == "track":
            return text.get(f"track.{name}", name)
        actor = text.get(f"actor.{name}", name)
        return f"{actor}との関係" if lang == "ja" else f"the relation with {actor}"

    ja, en = what("ja"), what("en")
    return {"id": t.id, "share": share * 100, "pass": bound.holds(share),
            "target": {"ja": f"{ja}が {below} を下回ったゲームのうち最上位評価になるのが {ja_b}(このシナリオの tests.yaml)",
                       "en": f"games that let {en} fall below {below} earn the top rating in {en_b} of them "
                             f"(this scenario's tests.yaml)"},
            "measured": {"ja": f"{len(games)} ゲーム({players} プレイヤー)中 {len(fell)} ゲームで下回り、"
                               f"そのうち最上位評価 {topped}({share:.1%})",
                         "en": f"{len(fell)} of {len(games)} games ({players} players) fell below; {topped} of those "
                               f"rated top ({share:.1%})"}}
