"""Cross-reference checks: unknown ids, things never set, text missing in a language."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from gaiko_game.core.conditions import CapitalRange, FlagSet
from gaiko_game.core.model import COMPLETED, STRATEGY_ROLES
from gaiko_game.core.plugins import TARGET
from gaiko_game.scenario.build import Parts, Where
from gaiko_game.scenario.bundled import strategies_root
from gaiko_game.scenario.diagnostics import closest, did_you_mean
from gaiko_game.scenario.lint import carriers
from gaiko_game.scenario.schema import ScenarioModel
from gaiko_game.scenario.yamlsafe import Document


@dataclass
class LangText:
    """One language's text merged from its files, remembering which file holds each key."""

    table: dict[str, str] = field(default_factory=dict)
    where: dict[str, Document] = field(default_factory=dict)

    def home_for(self, key: str, lang: str, source: str = "") -> str:
        """Where a missing key belongs: the text file named after its source file, else beside its relatives."""
        stem = Path(source).stem
        for doc in self.where.values():
            if Path(doc.file).stem == f"{lang}_{stem}":
                return doc.file
        parts = key.split(".")
        for depth in (2, 1):
            prefix = ".".join(parts[:depth]) + "."
            for other, doc in self.where.items():
                if other.startswith(prefix):
                    return doc.file
        first = next(iter(self.where.values()), None)
        return first.file if first else f"loc/{lang}.yaml"


_STRICT = ("actor", "track", "partner", "dependency", "action", "event", "category", "tag", "meter", "ending",
           "assumption")
_SET_BY_EFFECTS = ("flag", "counter", "modifier")


def check_refs(parts: Parts, sm: ScenarioModel) -> None:
    """Every id named must exist; flags, counters and modifiers tested must be set somewhere."""
    known: dict[str, set[str]] = {
        "actor": {a.id for a in parts.actors},
        "track": {t.id for t in sm.tracks},
        "partner": set(sm.partners),
        "dependency": set(sm.dependencies),
        "action": {a.id for a in parts.actions},
        "event": {e.id for e in parts.events},
        "category": set(sm.categories),
        "tag": _tags(parts),
        "meter": {x.id for x in sm.meters},
        "ending": endings_of(sm),
        "assumption": {a.id for a in sm.assumptions},
    }
    for kind in _SET_BY_EFFECTS:
        known[kind] = {r.value for r in parts.refs if r.kind == kind and r.defines}
    ck = parts.checker
    by_path = {(id(r.doc), r.path): r.value for r in parts.refs}
    for r in parts.refs:
        if r.kind == "tag" and r.value not in known["tag"]:
            ck.report(r.doc, r.path, "unknown-id", f"no action or answer carries the tag '{r.value}'",
                      hint=_tag_hint(parts, r.value, known["tag"]))
        elif r.kind in _STRICT and r.value not in known[r.kind] and not (r.value == TARGET and r.target_ok):
            ck.report(r.doc, r.path, "unknown-id", f"unknown {r.kind} '{r.value}'",
                      hint=did_you_mean(r.value, known[r.kind]) or _options(r.kind, known[r.kind]))
        elif r.kind in _SET_BY_EFFECTS and not r.defines and r.value not in known[r.kind]:
            ck.report(r.doc, r.path, "never-set", f"{r.kind} '{r.value}' is tested but no effect ever sets it",
                      hint=did_you_mean(r.value, known[r.kind]), warning=True)
        elif r.kind == "choice":
            event = by_path.get((id(r.doc), r.path[:-1] + ("event",)))
            ev = next((e for e in parts.events if e.id == event), None)
            if ev is not None and ev.choice(r.value) is None:
                ids = [c.id for c in ev.choices]
                ck.report(r.doc, r.path, "unknown-id", f"event '{event}' has no choice '{r.value}'",
                          hint=did_you_mean(r.value, ids) or _options("choice", set(ids)))


def _strategy_names(folder: Path | None) -> set[str]:
    """The optional texts ``strategy.<id>`` that name a shipped strategy or one in the scenario's own folder."""
    ids = {p.stem for p in strategies_root().glob("*.yaml")} if strategies_root().is_dir() else set()
    if folder is not None and (folder / "strategies").is_dir():
        ids |= {p.stem for p in (folder / "strategies").glob("*.yaml")}
    return {f"strategy.{i}" for i in ids}


def endings_of(sm: ScenarioModel) -> set[str]:
    """Every ending a game of the scenario can have: completing it, each meter's, each declared one."""
    return {COMPLETED, *(x.at_zero for x in sm.meters), *(e.id for e in sm.endings)}


def _tags(parts: Parts) -> set[str]:
    """Every tag an action or a crisis answer carries."""
    return {t for a in parts.actions for t in a.tags} | {t for e in parts.events for c in e.choices for t in c.tags}


def check_frame(parts: Parts, sm: ScenarioModel, doc: Document) -> None:
    """The player is nobody's twin, and every country the map colours belongs to an actor or the player."""
    ck, player = parts.checker, sm.player.id
    if ("actor", player) in parts.defined:
        where = parts.defined[("actor", player)]
        ck.report(where.doc, where.path + ("id",), "player-collision",
                  f"actor '{player}' has the player's id, so it would share the player's name and relations",
                  hint=f"rename the actor (e.g. '{player}_gov'), or the player in scenario.yaml", warning=True)
    known = {a.id for a in parts.actors} | {player}
    for actor in sm.map.countries:
        if actor not in known:
            ck.report(doc, ("map", "countries", actor), "unknown-id", f"unknown actor '{actor}' in map.countries",
                      hint=did_you_mean(actor, known) or f"the player is '{player}'", at_key=True)


def check_strategy_tags(parts: Parts, sm: ScenarioModel, doc: Document) -> None:
    """A tag the strategies look for that no action or answer carries is a misspelling, or dead weight."""
    carried = _tags(parts)
    for role in STRATEGY_ROLES:
        for i, tag in enumerate(getattr(sm.strategy_tags, role)):
            if tag not in carried:
                parts.checker.report(doc, ("strategy_tags", role, i), "unknown-tag",
                                     f"no action or answer carries the tag '{tag}' that strategy_tags.{role} names",
                                     hint=_tag_hint(parts, tag, carried),
                                     warning=True)


def _tag_hint(parts: Parts, tag: str, carried: set[str]) -> str:
    """A tag read but carried by nothing: when a carried tag is spelt nearly the same, the slip is as likely where
    that one is written (the modder misspelt the carrier, not the reader), so the hint names both places."""
    near = closest(tag, carried)
    if near is None:
        return "tags come from `tags:` on actions and crisis answers, and from categories"
    places = carriers(parts).get(near)
    if not places:
        return f"did you mean '{near}'?"
    doc, path = places[0]
    line, col = doc.where(path)
    return (f"'{near}' at {doc.file}:{line}:{col} looks like a slip for it: write '{tag}' there (or, if '{near}' is "
            f"the spelling you want, write '{near}' here)")


def _options(kind: str, ids: set[str]) -> str | None:
    if not ids:
        return f"no {kind} is defined"
    shown = sorted(ids)
    return f"known {kind}s: {', '.join(shown[:12])}{' …' if len(shown) > 12 else ''}"


def check_never_legal(parts: Parts, sm: ScenarioModel) -> None:
    """Warn about actions that nothing can ever make legal."""
    flags = {r.value for r in parts.refs if r.kind == "flag" and r.defines}
    for a in parts.actions:
        where = parts.defined[("action", a.id)]
        if a.cost > sm.capital.cap:
            parts.checker.report(where.doc, where.path + ("cost",), "never-legal",
                                 f"action '{a.id}' costs {a.cost} but Diplomatic Capital is capped at {sm.capital.cap}",
                                 warning=True)
        for c in a.requires:
            if isinstance(c, FlagSet) and c.id not in flags:
                parts.checker.report(where.doc, where.path + ("requires",), "never-legal",
                                     f"action '{a.id}' needs flag '{c.id}', which no effect sets", warning=True)
            if isinstance(c, CapitalRange) and c.min is not None and c.min > sm.capital.cap:
                parts.checker.report(where.doc, where.path + ("requires",), "never-legal",
                                     f"action '{a.id}' needs {c.min} capital; the cap is {sm.capital.cap}", warning=True)


def optional_text(needed: Iterable[str]) -> Iterable[str]:
    """Texts a scenario may give and the game shows when it does: the note on what the scenario is (facts as of
    when, what is fictional, where its assumptions are explained) and each background entry's sources and date."""
    yield "scenario.note"
    yield from (f"{key.removesuffix('.encyclopedia')}.source" for key in needed if key.endswith(".encyclopedia"))


def required_text(parts: Parts, sm: ScenarioModel) -> Iterable[tuple[str, str, str]]:
    """Every text key the scenario needs, with the kind and id of what needs it."""
    sc = sm.id
    yield from (("scenario", sc, k) for k in ("scenario.name", "scenario.description", "capital", "capital.desc"))
    yield ("frame", "player", f"actor.{sm.player.id}")
    yield ("frame", "stance", "stance.name")
    for meter in sm.meters:
        yield from (("meter", meter.id, k) for k in (f"meter.{meter.id}", f"meter.{meter.id}.desc"))
    yield from (("scenario", sc, k) for k in (f"ending.{COMPLETED}", f"ending.{COMPLETED}.desc"))
    for meter in sm.meters:
        yield from (("ending", meter.id, k) for k in (f"ending.{meter.at_zero}", f"ending.{meter.at_zero}.desc"))
    for declared in sm.endings:
        yield from (("ending", declared.id, k) for k in (f"ending.{declared.id}", f"ending.{declared.id}.desc"))
    for t in sm.tracks:
        yield from (("track", t.id, k) for k in (f"track.{t.id}", f"track.{t.id}.desc"))
    yield from (("scenario", sc, f"dependency.{k}") for k in sm.dependencies)
    yield from (("scenario", sc, f"partner.{p}") for p in sm.partners)
    yield from (("scenario", sc, f"category.{c}") for c in sm.categories)
    for r in sm.ratings:
        yield from (("scenario", sc, k) for k in (f"rating.{r.id}", f"rating.{r.id}.desc"))
    yield from (("scenario", sc, f"question.{q}") for q in sm.questions)
    for g in sm.guide:
        yield ("scenario", sc, f"guide.{g.id}")
    for d in sm.difficulties:
        yield from (("scenario", sc, k) for k in (f"difficulty.{d.id}", f"difficulty.{d.id}.desc"))
    for weighting in sm.weightings:
        yield from (("scenario", sc, k) for k in (f"weighting.{weighting.id}", f"weighting.{weighting.id}.desc"))
    if sm.classroom is not None:
        for ministry in sm.classroom.ministries:
            yield from (("ministry", ministry.id, f"ministry.{ministry.id}{k}") for k in ("", ".brief"))
        for p in sm.classroom.presets:
            yield from (("preset", p.id, f"preset.{p.id}{k}") for k in ("", ".desc"))
    for area in sm.map.disputed:
        yield ("disputed area", area.id, f"disputed.{area.id}")
    for lab in sm.labels:
        yield from (("label", lab.id, f"label.{lab.id}{k}") for k in ("", ".desc"))
    for a in parts.actors:
        yield ("actor", a.id, f"actor.{a.id}")
        yield ("actor", a.id, f"role.{a.role}")
    for x in parts.actions:
        for suffix in ("name", "desc", "encyclopedia"):
            yield ("action", x.id, f"action.{x.id}.{suffix}")
    for rule in {r.id for r in parts.rules}:
        yield ("rule", rule, f"rule.{rule}")
    for claim in sm.assumptions:
        yield from (("assumption", claim.id, f"assumption.{claim.id}{k}") for k in ("", ".source", ".counter"))
    for e in parts.events:
        if e.phase == "move":
            yield from (("move", e.id, f"move.{e.id}{k}") for k in ("", ".desc"))
            continue
        yield ("event", e.id, f"event.{e.id}.title")
        yield ("event", e.id, f"event.{e.id}.text")
        if e.choices:
            yield ("event", e.id, f"event.{e.id}.encyclopedia")
        for c in e.choices:
            yield ("event", e.id, f"event.{e.id}.choice.{c.id}")
    for kind in ("flag", "modifier", "counter", "tag"):
        for value in sorted({r.value for r in parts.refs if r.kind == kind}):
            first = next(r for r in parts.refs if r.kind == kind and r.value == value)
            parts.defined.setdefault((kind, value), Where(first.doc, first.path))
            yield (kind, value, f"{kind}.{value}")


HINTED_UNUSED = 50
"""Unused texts per language that get a did-you-mean hint; past these, validation would spend its time on hints
nobody reads (the validator prints the first few problems of each file)."""


@dataclass(frozen=True, slots=True)
class TextGap:
    """A text key missing in one language (``home``: the file it belongs in), or present but unused or empty
    (``home``: the file that holds it, at ``line``)."""

    lang: str
    key: str
    home: str
    line: int = 0


@dataclass
class TextGaps:
    """What a scenario's text lacks or holds in vain, per language: what `gaiko loc` lists and fills."""

    missing: list[TextGap] = field(default_factory=list)
    unused: list[TextGap] = field(default_factory=list)
    empty: list[TextGap] = field(default_factory=list)
    tables: dict[str, dict[str, str]] = field(default_factory=dict)
    """Each language's whole table, for showing a key's text in the other language."""


def check_text(parts: Parts, sm: ScenarioModel, scenario_doc: Document, loc: dict[str, LangText]) -> TextGaps:
    """Every needed text exists in both languages; text nobody uses, or left empty, is a warning."""
    gaps = TextGaps(tables={lang: dict(text.table) for lang, text in loc.items()})
    needed: set[str] = set()
    listed: set[tuple[str, str]] = set()
    for frame in ("player", "stance", "strategy_tags"):  # frame texts are asked for where scenario.yaml declares them
        parts.defined.setdefault(("frame", frame), Where(scenario_doc, (frame,)))
    for i, meter in enumerate(sm.meters):
        parts.defined.setdefault(("ending", meter.id), Where(scenario_doc, ("meters", i, "at_zero")))
    for kind, obj_id, key in required_text(parts, sm):
        needed.add(key)
        for lang, text in sorted(loc.items()):
            if key in text.table:
                continue
            where = parts.defined.get(("event" if kind == "move" else kind, obj_id))
            at_doc, at_path = (where.doc, where.path + _choice_at(parts, obj_id, key)) if where else (scenario_doc, ())
            language = "Japanese" if lang == "ja" else "English"
            home = text.home_for(key, lang, at_doc.file)
            if (lang, key) not in listed:  # a key several things need (a role's name, say) is missing once
                listed.add((lang, key))
                gaps.missing.append(TextGap(lang, key, home))
            parts.checker.report(at_doc, at_path, "missing-text", f"no {language} text for '{key}'",
                                 hint=f"add `{key}: ...` to {home}")
    named = _strategy_names(parts.folder) | set(optional_text(needed))
    for lang, text in sorted(loc.items()):
        for i, key in enumerate(sorted(k for k in set(text.table) - needed - named if id(text.where[k]) not in parts.quiet)):
            hint = did_you_mean(key, needed) if i < HINTED_UNUSED else None  # a thousand typos cost as much as fifty
            doc = text.where[key]
            gaps.unused.append(TextGap(lang, key, doc.file, doc.key_where((key,))[0]))
            parts.checker.report(doc, (key,), "unused-text", f"text '{key}' is not used by anything",
                                 at_key=True, hint=hint, warning=True)
        _check_empty(parts, lang, text, gaps)
    return gaps


def _choice_at(parts: Parts, event_id: str, key: str) -> tuple[str | int, ...]:
    """Where under its event a crisis answer's text is asked for (``choices``, its index), so the message points at
    the answer, not at the event's first line; empty for every other key."""
    prefix = f"event.{event_id}.choice."
    if not key.startswith(prefix):
        return ()
    event = next((e for e in parts.events if e.id == event_id), None)
    ids = [c.id for c in event.choices] if event is not None else []
    return ("choices", ids.index(key[len(prefix):])) if key[len(prefix):] in ids else ()


def _check_empty(parts: Parts, lang: str, text: LangText, gaps: TextGaps) -> None:
    """An empty text (a `gaiko loc --skeleton` placeholder not yet translated) would show players nothing."""
    language = "Japanese" if lang == "ja" else "English"
    for key in sorted(k for k, v in text.table.items() if not v.strip() and id(text.where[k]) not in parts.quiet):
        doc = text.where[key]
        gaps.empty.append(TextGap(lang, key, doc.file, doc.key_where((key,))[0]))
        parts.checker.report(doc, (key,), "loc-empty", f"the {language} text for '{key}' is empty (untranslated)",
                             at_key=True, hint="write the text (the comment above it may hold the other language's)",
                             warning=True)
