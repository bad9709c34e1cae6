"""The default scenario: what DESIGN.md §2 and §5 ask of it, in both languages."""

from __future__ import annotations

from gaiko_game.core import Scenario
from gaiko_game.core.text import LANGS
from gaiko_game.scenario.loader import load
from tests.conftest import BUNDLED, NORTHERN, ROOT

ACTORS = {"us", "china", "india", "australia", "south_korea", "north_korea", "russia", "taiwan", "eu",
          "vietnam", "philippines", "indonesia", "thailand", "malaysia", "singapore"}


def test_every_bundled_scenario_and_the_second_country_validate_clean() -> None:
    for path in [*BUNDLED, NORTHERN]:
        result = load(path)
        assert result.ok and result.diagnostics == [], [d.format() for d in result.diagnostics]


def test_the_default_scenario_offers_its_tutorial(default: Scenario) -> None:
    assert default.tutorial is not None and (ROOT / "scenarios" / default.tutorial / "scenario.yaml").is_file()


def test_default_scenario_shape(default: Scenario) -> None:
    assert default.turns == 24 and default.date(1) == (2025, 1) and default.date(24) == (2030, 4)
    assert {a.id for a in default.actors} >= ACTORS and len(default.actors) >= 15
    assert len(default.actions) >= 18
    assert {a.category for a in default.actions} == {"alliance", "partnership", "economic_security", "dialogue"}
    assert {t.id for t in default.tracks} == {"tension", "us_commitment", "stability", "public_support", "own_capability"}


def test_actors_sit_at_real_coordinates(default: Scenario) -> None:
    where = {a.id: (a.lat, a.lon) for a in default.actors}
    assert where["china"] == (39.90, 116.40)  # Beijing
    assert where["india"] == (28.61, 77.21)  # New Delhi
    assert where["singapore"] == (1.35, 103.82)
    assert all(-50 < lat < 60 for lat, _ in where.values())


def test_every_player_facing_text_exists_in_both_languages(default: Scenario) -> None:
    ja, en = default.loc["ja"], default.loc["en"]
    assert set(ja) == set(en)
    assert all(v.strip() for lang in LANGS for v in default.loc[lang].values())
    assert all(any("\u3040" <= ch <= "\u30ff" or "\u4e00" <= ch <= "\u9fff" for ch in v) for k, v in ja.items()
               if not k.startswith(("partner.", "actor.")) or k in ("actor.china", f"actor.{default.player.id}"))


def test_encyclopedia_carries_the_articles_facts_dated_2023(default: Scenario) -> None:
    en = default.loc["en"]
    ja = default.loc["ja"]
    entries = {a.id: (en[f"action.{a.id}.encyclopedia"], ja[f"action.{a.id}.encyclopedia"]) for a in default.actions}
    assert all(len(e) > 150 and len(j) > 60 for e, j in entries.values())
    dated = [a for a, (e, j) in entries.items() if "2023" in e and "2023" in j]
    assert {"counterstrike_capability", "asean_summit", "us_semiconductors", "india_infrastructure"} <= set(dated)
    assert "200 billion" in " ".join(e for e, _ in entries.values())
    assert "1.4 billion" in " ".join(e for e, _ in entries.values())


def test_discussion_questions_exist(default: Scenario) -> None:
    assert len(default.questions) >= 3
    assert all(f"question.{q}" in default.loc[lang] for q in default.questions for lang in LANGS)


def test_content_hash_changes_with_content(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import shutil

    src = ROOT / "scenarios" / "indo_pacific_2025"
    copy = tmp_path / "s"
    shutil.copytree(src, copy)
    first = load(copy).scenario
    (copy / "rules.yaml").write_text((copy / "rules.yaml").read_text() + "\n# a comment\n")
    second = load(copy).scenario
    assert first is not None and second is not None and first.content_hash != second.content_hash


APPROACHES = ("us", "partner", "china", "dialogue")
"""The approaches a crisis answer can take in the default scenario (its tags)."""


def _has_downside(c: object) -> bool:
    """Whether a crisis answer costs something: capital, a roll that can fail, or an effect that lowers a number."""
    if getattr(c, "cost", 0) or getattr(c, "odds", None) is not None:
        return True
    return any(int(getattr(e, "by", 0)) < 0 or e.name in ("dependency",) for e in getattr(c, "effects", ()))


def test_every_crisis_answer_is_a_trade_off(default: Scenario) -> None:
    """DESIGN §3: crises priced fairly across their answers. No answer is free of every cost."""
    free = [f"{e.id}.{c.id}" for e in default.events for c in e.choices if not _has_downside(c)]
    assert free == []


def test_no_approach_is_systematically_free_or_systematically_dear(default: Scenario) -> None:
    """Each approach (the US, partners, China, dialogue) costs Diplomatic Capital in some crises and not in others."""
    for tag in APPROACHES:
        answers = [c for e in default.events for c in e.choices if tag in c.tags]
        paid = sum(1 for c in answers if c.cost > 0)
        assert answers and 0.25 <= paid / len(answers) <= 0.75, (tag, paid, len(answers))


def test_opportunities_are_labelled(default: Scenario) -> None:
    opportunities = {e.id for e in default.events if e.opportunity}
    assert {"hosting_g7", "aukus_pillar2_invitation", "japan_asean_summit"} <= opportunities
    assert not opportunities & {"north_korea_missile", "senkaku_incursions", "taiwan_strait_exercises"}


def test_no_player_text_mentions_the_developers_files() -> None:
    """A student reads the game, not the repository: no text sends them to the README or a design document."""
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    found = [f"{f.relative_to(root)}:{n}" for f in sorted((root / "scenarios").glob("*/loc/*.yaml"))
             for n, line in enumerate(f.read_text(encoding="utf-8").splitlines(), 1)
             if any(word in line for word in ("README", "DESIGN.md", "CHANGELOG", ".py"))]
    assert found == []


def _bundled_texts() -> list[tuple[str, dict[str, str], dict[str, str]]]:
    """(scenario id, Japanese table, English table) for every bundled scenario, layers included."""
    from gaiko_game.scenario.bundled import bundled
    from tests.conftest import load_ok

    return [(sc.id, sc.loc["ja"], sc.loc["en"]) for sc in (load_ok(p) for p in bundled())]


def test_japanese_scenario_text_sets_brackets_and_colons_full_width() -> None:
    """Japanese typesetting: （）and ： in every scenario's Japanese, never ( ) or : (a time such as 10:00 aside)."""
    import re

    found = [f"{sid}:{k}" for sid, ja, _ in _bundled_texts() for k, v in ja.items()
             if re.search(r"[()]|:(?!\d)", v)]
    assert found == []


def test_every_background_entry_says_where_its_facts_come_from_and_as_of_when() -> None:
    for sid, ja, en in _bundled_texts():
        for key in [k for k in ja if k.endswith(".encyclopedia")]:
            source = key.removesuffix(".encyclopedia") + ".source"
            assert source in ja and source in en, f"{sid}: {source}"
            assert ja[source].startswith("出典：") and "時点" in ja[source], f"{sid}: {source}"
            assert en[source].startswith("Sources: ") and "As of" in en[source], f"{sid}: {source}"


def test_short_texts_say_the_same_numbers_in_both_languages() -> None:
    """Names, choices, titles, notes and source lines carry the same figures in Japanese and English (the long
    background texts are left out: Japanese writes months in digits, 8月, where English spells them)."""
    import re
    from collections import Counter

    long = (".encyclopedia", ".text", ".desc")
    spelled = {"one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8",
               "nine": "9", "ten": "10", "trilateral": "3", "Pillar II": "Pillar 2", "a quarter": "1/4"}

    def figures(text: str, english: bool) -> list[str]:
        for word, digits in spelled.items() if english else ():
            text = re.sub(rf"\b{word}\b", digits, text, flags=re.IGNORECASE)
        return sorted(re.findall(r"\d+", text))

    def same(ja: str, en: str) -> bool:  # every English figure is in the Japanese, every Japanese one in the English
        return not Counter(figures(en, False)) - Counter(figures(ja, False)) and not (
            Counter(figures(ja, False)) - Counter(figures(en, True)))

    found = [f"{sid}:{k}" for sid, ja, en in _bundled_texts() for k in ja if not k.endswith(long) and k in en
             and not same(ja[k], en[k])]
    assert found == []


def test_official_japanese_terms_are_used() -> None:
    """The government's own wording where the review found the scenario departing from it (MOFA, NSS 2022)."""
    words = " ".join(v for _, ja, _ in _bundled_texts() for v in ja.values())
    wrongs = ("実効支配しています", "戦時中の労働者（いわゆる徴用工）", "従属国家", "最適解", "中立国との連携", "米中緊張",
              "!!!", "逼迫")
    for wrong in wrongs:
        assert wrong not in words, wrong
    for right in ("有効に支配", "旧朝鮮半島出身労働者", "ポツダム宣言第八項に基づく立場を堅持する", "戦略的互恵関係"):
        assert right in words, right
