"""The model card: what a scenario assumes, and what its numbers do when an assumption is switched off.

Each named assumption of a scenario comes with its claim, its source and the strongest counter-argument
(the scenario's own texts), and with what the balance lab measures when it is switched off: every
shipped strategy and random play on the same seeds, with and without it. Each variant (a scenario
layer over this one, among the bundled scenarios) is played the same way and shown beside it. The card
is generated, never typed: ``gaiko modelcard SCENARIO`` writes it in Japanese and English, with the
content hashes it was measured on, so a test can tell when the scenario has changed since.
"""

from __future__ import annotations

import json
from concurrent.futures import Executor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gaiko_game.core import Scenario
from gaiko_game.lab.runner import GameResult, Progress, chunks, flatten, run
from gaiko_game.lab.stats import r2, summary
from gaiko_game.scenario.bundled import bundled
from gaiko_game.scenario.layers import EXTENDS
from gaiko_game.scenario.loader import load
from gaiko_game.scenario.yamlsafe import read
from gaiko_game.session.strategy import load_strategy, shipped_paths

FORMAT = 1
RANDOM = "random"
DATA_FILE = "model_card.json"
"""The measured figures, kept beside the scenario's files (not one of them: it does not change the hash)."""


@dataclass(frozen=True)
class Setup:
    """One way of playing the scenario: as written, with one assumption off, or as a variant."""

    id: str
    folder: Path
    without: tuple[str, ...] = ()


def variants(folder: Path, scenario_id: str) -> list[Path]:
    """The bundled scenario layers that extend ``scenario_id``, by folder name."""
    out = []
    for other in bundled():
        if other.resolve() == folder.resolve():
            continue
        doc, _ = read(other / "scenario.yaml", str(other / "scenario.yaml"))
        if doc is not None and isinstance(doc.data, dict) and doc.data.get(EXTENDS) == scenario_id:
            out.append(other)
    return out


def measure(folder: Path, seeds: int, executor: Executor | None, quiet: bool = True) -> dict[str, Any]:
    """Play every strategy and random play on ``seeds`` seeds in each setup; the card's figures as plain data."""
    sc = _load(folder)
    players: list[Any] = [RANDOM, *(load_strategy(p, sc) for p in shipped_paths().values())]
    setups = [Setup("scenario", folder)] + [Setup(f"without:{a}", folder, (a,)) for a in sc.assumptions]
    found = variants(folder, sc.id)
    setups += [Setup(f"variant:{v.name}", v) for v in found]
    jobs, owners = [], []
    for setup in setups:
        for player in players:
            made = chunks(str(setup.folder), player, range(seeds), None, None, setup.without)
            jobs += made
            owners += [(setup.id, _pid(player))] * len(made)
    results = run(jobs, executor, Progress(len(setups) * len(players) * seeds, "model card", quiet))
    games: dict[tuple[str, str], list[GameResult]] = {}
    for owner, chunk in zip(owners, results, strict=True):
        games.setdefault(owner, []).extend(flatten([chunk]))
    top = max(sc.ratings, key=lambda r: r.min_score).id if sc.ratings else ""
    figures = {setup.id: {_pid(p): _figures(games[setup.id, _pid(p)], top) for p in players} for setup in setups}
    hashes = {sc.id: sc.content_hash, **{v.name: _load(v).content_hash for v in found}}
    return {"format": FORMAT, "scenario": sc.id, "seeds": seeds, "difficulty": sc.default_difficulty,
            "hashes": hashes, "players": [_pid(p) for p in players], "assumptions": list(sc.assumptions),
            "variants": [v.name for v in found], "figures": figures}


def _load(folder: Path) -> Scenario:
    result = load(folder)
    if result.scenario is None or not result.ok:
        raise ValueError(f"{folder} does not load: run `gaiko validate {folder}`")
    return result.scenario


def _pid(player: Any) -> str:
    return player if isinstance(player, str) else str(player.id)


def _figures(games: list[GameResult], top: str) -> dict[str, Any]:
    meters: dict[str, float] = {}
    for g in games:
        for m, v in g.meters.items():
            meters[m] = meters.get(m, 0.0) + v / len(games)
    return {"score": summary([g.score for g in games]), "meters": {m: r2(v) for m, v in meters.items()},
            "top_rating": r2(sum(g.rating == top for g in games) / max(1, len(games)))}


# ── the card in words ─────────────────────────────────────────────────────────────────────────────
WORDS = {
    "ja": {
        "title": "モデルカード：{name}",
        "stamp": "このページは `gaiko modelcard {folder}` が生成したもので、手で編集しません。シナリオの内容ハッシュ {hash} "
                 "に対して、各戦略とランダムな手をそれぞれ同じ{seeds}通りの乱数の種（難易度「{level}」）で遊んで測りました。"
                 "シナリオを変えたら同じコマンドで作り直してください（古いままだとテストが失敗します）。",
        "about": "## このカードについて\n\nゲームの数値は、だれかが選んだモデルです。このシナリオは、世界の動きを"
                 "いくつかの「前提」（因果についての主張）として書いています。下の表は、前提ごとにその主張・出典・"
                 "最も有力な反論を示し、その前提を外したときに各戦略のスコアがどう変わるかを、実際に遊ばせて測った"
                 "結果です。記事の主張が勝つかどうかは、どの前提を受け入れるかで変わります。それを確かめ、議論する"
                 "ための資料です。",
        "assumptions": "## 前提と、それを外したときの結果",
        "claim": "主張", "source": "出典", "counter": "最も有力な反論",
        "table_head": "| 戦略 | 前提あり | 前提なし | 差 |",
        "best": "スコアが最も高い戦略：前提ありでは「{with_}」、前提なしでは「{without}」。",
        "variants": "## 別の前提で作った版（バリアント）",
        "variants_intro": "同じシナリオの一部だけを変えた版です。新しいゲームの画面でシナリオを選ぶか、"
                          "`gaiko play --scenario scenarios/<フォルダ>` で遊べます。数値は各戦略の平均スコアです。",
        "variant_head": "| 戦略 | {names} |",
        "top": "最高評価の割合",
        "reproduce": "## 再現する\n\n```\n{command}\n```\n\n前提を一つ外した実験は "
                     "`gaiko lab {folder} --without <前提のid>` でも、全戦略・アドバイザー・探索つきで行えます。",
        "random": "ランダムな手",
        "score_note": "スコアは三つの指標の幾何平均（バランス重視の重みづけ）、{seeds}ゲームの平均。差が±{noise}程度より"
                      "小さいものは偶然の範囲です。",
    },
    "en": {
        "title": "Model card: {name}",
        "stamp": "Generated by `gaiko modelcard {folder}`; do not edit by hand. Measured on scenario content hash {hash}, "
                 "playing each strategy and random moves on the same {seeds} seeds (difficulty \"{level}\"). Run the "
                 "command again after changing the scenario (a test fails while this card is older than it).",
        "about": "## About this card\n\nThe game's numbers are a model someone chose. This scenario writes the world's "
                 "behaviour as named assumptions (claims about cause and effect). For each, the card gives the claim, "
                 "its source and the strongest counter-argument, and what happens to every strategy's score when the "
                 "assumption is switched off, measured by playing the games. Whether the article's strategy wins "
                 "depends on which assumptions one accepts: this card is for checking that, and arguing about it.",
        "assumptions": "## The assumptions, and what switching each off does",
        "claim": "Claim", "source": "Source", "counter": "Strongest counter-argument",
        "table_head": "| Strategy | With it | Without it | Change |",
        "best": "Highest-scoring strategy: \"{with_}\" with it, \"{without}\" without it.",
        "variants": "## Versions built on other assumptions (variants)",
        "variants_intro": "Versions of the same scenario with one part changed. Pick one on the new-campaign screen, or "
                          "play it with `gaiko play --scenario scenarios/<folder>`. Figures are each strategy's mean score.",
        "variant_head": "| Strategy | {names} |",
        "top": "Share rated top",
        "reproduce": "## Reproduce\n\n```\n{command}\n```\n\nOne assumption off with every strategy, the advisor and the "
                     "search: `gaiko lab {folder} --without <assumption id>`.",
        "random": "Random legal moves",
        "score_note": "Score: the geometric mean of the three meters (balanced weighting), mean of {seeds} games. "
                      "Differences smaller than about ±{noise} are within chance.",
    },
}


def markdown(data: dict[str, Any], folder: str, lang: str) -> str:
    """The card in one language, from the measured data and the scenarios' own texts."""
    t = WORDS[lang]
    colon = "：" if lang == "ja" else ": "  # Japanese sets its colons full width
    sc = _load(Path(folder))
    text = sc.loc[lang]
    names = {p: _name(sc, p, lang) for p in data["players"]}
    base = data["figures"]["scenario"]
    noise = max(_half(f) for f in base.values())
    out = [f"# {t['title'].format(name=text.get('scenario.name', sc.id))}", "",
           "> " + t["stamp"].format(folder=folder, hash=data["hashes"][sc.id][:12], seeds=data["seeds"],
                                    level=text.get(f"difficulty.{data['difficulty']}", data["difficulty"])), "",
           t["about"], "", t["score_note"].format(seeds=data["seeds"], noise=f"{noise:.1f}"), "", t["assumptions"], ""]
    for a in data["assumptions"]:
        off = data["figures"][f"without:{a}"]
        out += [f"### `{a}`", "",
                f"- **{t['claim']}**{colon}{text.get(f'assumption.{a}', '')}",
                f"- **{t['source']}**{colon}{text.get(f'assumption.{a}.source', '')}",
                f"- **{t['counter']}**{colon}{text.get(f'assumption.{a}.counter', '')}", "", t["table_head"],
                "|---|---:|---:|---:|"]
        for p in _by_score(base):
            w, wo = _mean(base[p]), _mean(off[p])
            out.append(f"| {names[p]} | {w:.1f} | {wo:.1f} | {wo - w:+.1f} |")
        out += ["", t["best"].format(with_=names[_by_score(base)[0]], without=names[_by_score(off)[0]]), ""]
    if data["variants"]:
        out += [t["variants"], "", t["variants_intro"], ""]
        shown = [("scenario", text.get("scenario.name", sc.id))]
        for v in data["variants"]:
            vs = _load(Path(folder).parent / v)
            shown.append((f"variant:{v}", vs.loc[lang].get("scenario.name", v)))
            where = f"（`scenarios/{v}`）" if lang == "ja" else f" (`scenarios/{v}`)"
            out += [f"- **{vs.loc[lang].get('scenario.name', v)}**{where}{colon}"
                    f"{vs.loc[lang].get('scenario.description', '')}"]
        out += ["", t["variant_head"].format(names=" | ".join(n for _, n in shown)),
                "|---|" + "---:|" * len(shown)]
        for p in _by_score(base):
            out.append(f"| {names[p]} | " + " | ".join(f"{_mean(data['figures'][s][p]):.1f}" for s, _ in shown) + " |")
        out.append("")
    command = f"gaiko modelcard {folder} --seeds {data['seeds']}"
    out += [t["reproduce"].format(command=command, folder=folder), ""]
    return "\n".join(out)


def _name(sc: Scenario, player: str, lang: str) -> str:
    if player == RANDOM:
        return WORDS[lang]["random"]
    own = sc.loc.get(lang, {}).get(f"strategy.{player}")
    if own:
        return own
    path = shipped_paths().get(player)
    return load_strategy(path, sc).name(lang) if path else player


def _mean(f: dict[str, Any]) -> float:
    return float(f["score"]["mean"])


def _half(f: dict[str, Any]) -> float:
    lo, hi = f["score"]["ci95"]
    return (float(hi) - float(lo)) / 2


def _by_score(figures: dict[str, dict[str, Any]]) -> list[str]:
    return sorted(figures, key=lambda p: -_mean(figures[p]))


def card_paths(docs: Path, scenario_id: str) -> dict[str, Path]:
    """Where the card's pages go: ``model-card.<lang>.md`` (the default scenario) or with the id in the name."""
    stem = "model-card" if scenario_id == "indo_pacific_2025" else f"model-card-{scenario_id}"
    return {lang: docs / f"{stem}.{lang}.md" for lang in WORDS}


def write(folder: Path, docs: Path, seeds: int, executor: Executor | None, quiet: bool = True) -> list[Path]:
    """Measure and write the card: its data beside the scenario, its pages in ``docs``; the files written."""
    data = measure(folder, seeds, executor, quiet)
    data_path = folder / DATA_FILE
    data_path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    docs.mkdir(parents=True, exist_ok=True)
    shown = folder.as_posix()
    written = [data_path]
    for lang, path in card_paths(docs, data["scenario"]).items():
        path.write_text(markdown(data, shown, lang), encoding="utf-8")
        written.append(path)
    return written


def stale(folder: Path) -> str | None:
    """Why a scenario's card no longer matches it (None when it does): a missing card, or changed content."""
    path = folder / DATA_FILE
    if not path.is_file():
        return f"{path} is missing"
    data = json.loads(path.read_text(encoding="utf-8"))
    for sid, measured in data.get("hashes", {}).items():
        where = folder if sid == data.get("scenario") else folder.parent / sid
        now = _load(where).content_hash
        if now != measured:
            return f"{sid} has changed since its model card was measured ({measured[:12]} → {now[:12]})"
    if sorted(data.get("variants", [])) != sorted(v.name for v in variants(folder, data.get("scenario", ""))):
        return "the scenario's variants have changed since its model card was measured"
    return None


def figures_for(folder: Path) -> dict[str, Any] | None:
    """A scenario's measured card, when it has one (the encyclopedia shows it)."""
    path = folder / DATA_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) and data.get("format") == FORMAT else None
