"""The balance targets of DESIGN.md §3, checked against a lab's figures, in both languages.

Game quality, which must hold: random play earns the top rating in at most 5% of games; doing
nothing loses in at least 90%; no simple strategy the search finds beats the look-ahead advisor;
skill orders the results (advisor > hedge > random).
"""

from __future__ import annotations

from typing import Any

RANDOM_TOP_MAX = 0.05
DO_NOTHING_LOSES_MIN = 0.90


def _pct(x: float) -> str:
    return f"{100 * x:.0f}%"


def _target(tid: str, target: tuple[str, str], measured: tuple[str, str], passed: bool) -> dict[str, Any]:
    return {"id": tid, "target": {"ja": target[0], "en": target[1]},
            "measured": {"ja": measured[0], "en": measured[1]}, "pass": passed}


def verdict(players: dict[str, dict[str, Any]], search: dict[str, Any] | None) -> list[dict[str, Any]]:
    """Each target that the lab's players let it check: what it asks, what was measured, whether it holds."""
    out = []
    random, nothing = players.get("random"), players.get("do_nothing")
    advisor, hedge = players.get("lookahead"), players.get("hedge")
    if random is not None:
        share = float(random["top_rating"])
        out.append(_target("random_top_rating",
                           (f"ランダムな手で最上位評価になるゲームは {_pct(RANDOM_TOP_MAX)} 以下",
                            f"random play earns the top rating in at most {_pct(RANDOM_TOP_MAX)} of games"),
                           (f"{_pct(share)}({random['games']} ゲーム中)", f"{_pct(share)} of {random['games']} games"),
                           share <= RANDOM_TOP_MAX))
    if nothing is not None:
        lost = float(nothing["lost"])
        out.append(_target("do_nothing_loses",
                           (f"何もしないと {_pct(DO_NOTHING_LOSES_MIN)} 以上のゲームで敗北する",
                            f"doing nothing loses at least {_pct(DO_NOTHING_LOSES_MIN)} of games"),
                           (f"敗北 {_pct(lost)}", f"{_pct(lost)} lost"), lost >= DO_NOTHING_LOSES_MIN))
    if advisor is not None and search is not None:
        best = float(search["best"]["heldout"]["mean"])
        adv = float(advisor["score"]["mean"])
        out.append(_target("search_below_advisor",
                           ("探索で見つかる単純な戦略がアドバイザーを上回らない",
                            "no simple strategy found by the search beats the advisor"),
                           (f"探索の最良 {best:.1f}、アドバイザー {adv:.1f}", f"search's best {best:.1f}, advisor {adv:.1f}"),
                           best <= adv))
    if advisor is not None and hedge is not None and random is not None:
        a, h, r = (float(p["score"]["mean"]) for p in (advisor, hedge, random))
        out.append(_target("skill_orders_results",
                           ("腕前の順に結果が並ぶ(アドバイザー > ヘッジ > ランダム)",
                            "skill orders the results (advisor > hedge > random)"),
                           (f"アドバイザー {a:.1f}、ヘッジ {h:.1f}、ランダム {r:.1f}",
                            f"advisor {a:.1f}, hedge {h:.1f}, random {r:.1f}"),
                           a > h > r))
    return out
