"""Load a scenario folder: read every file safely, validate, cross-check, build.

``load(path)`` never raises for a content problem: it returns the scenario (or
None) and every diagnostic found, each located at file:line:col.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from gaiko_game.core import model as m
from gaiko_game.core.conditions import Range
from gaiko_game.scenario import build, crossref, eventcheck, layers, lint, params, paths, schema
from gaiko_game.scenario.bundled import world_map
from gaiko_game.scenario.context import Checker
from gaiko_game.scenario.diagnostics import Diagnostic, did_you_mean
from gaiko_game.scenario.geometry import BadGeometry, Geometry, read_geometry
from gaiko_game.scenario.yamlsafe import Document, read

SCENARIO_FILE = "scenario.yaml"


class Place(NamedTuple):
    """A position in a scenario's files."""

    file: str
    line: int
    col: int


@dataclass
class LoadResult:
    """A scenario, when it loaded without errors, and every diagnostic."""

    scenario: m.Scenario | None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    places: dict[tuple[str, str], Place] = field(default_factory=dict)
    """Where each action, event and choice (``event.choice``) is written, and the scenario's
    ``ratings`` and ``meters``: for messages about them after loading (the balance warnings)."""
    text: crossref.TextGaps | None = None
    """The text keys missing, unused or empty in each language (None when other errors stopped the check):
    what `gaiko loc` lists and fills."""

    @property
    def ok(self) -> bool:
        """Whether the scenario can be played (warnings allowed)."""
        return self.scenario is not None and not any(d.is_error for d in self.diagnostics)


MAX_FILES = 300
"""The most files one scenario may read (the default scenario reads 27)."""
MAX_TOTAL_BYTES = 8_000_000
"""The most bytes one scenario may read in all (the default scenario is about 0.3 MB; each file is capped too)."""


class _Reader:
    """Reads files of one scenario folder, keeping them inside it and hashing what it read.

    Every file name is checked before anything is opened (:meth:`locate`): no NUL byte, not too long,
    no link that loops or leads outside the folder, not listed twice; and the files read in all are
    capped in number and size, so no scenario can make loading take unbounded work.
    """

    def __init__(self, folder: Path, shown: Path, checker: Checker) -> None:
        self.folder, self.shown, self.checker = folder, shown, checker
        self.root = folder.resolve()
        self.digest: list[tuple[str, bytes]] = []
        self.complete = True
        self.listed: dict[Path, tuple[Document | str, tuple[str | int, ...]]] = {}
        self.total, self.over = 0, False

    def locate(self, rel: str, listed_in: Document | str, at: tuple[str | int, ...]) -> Path | None:
        """The file a scenario names, when the name is safe and the file exists inside the folder; else None, reported."""

        def refuse(code: str, message: str, hint: str) -> None:
            self.complete = False
            self.checker.report(listed_in, at, code, message, hint=hint)

        try:
            path = paths.inside(self.folder, rel, f"create {self.shown / rel}, or fix the name")
        except paths.BadPath as e:
            refuse(e.code, e.message, e.hint)
            return None
        first = self.listed.get(path)
        if first is not None:
            doc, where = first
            line = f"{doc.file}:{doc.where(where)[0]}" if isinstance(doc, Document) else str(doc)
            refuse("duplicate-file", f"'{paths.short(rel)}' is listed twice",
                   f"it is first listed at {line}; list each file once")
            return None
        if len(self.listed) >= MAX_FILES:
            if not self.over:
                self.over = True
                refuse("too-many-files", f"a scenario may read at most {MAX_FILES} files; '{paths.short(rel)}' is one more",
                       "merge small files into fewer")
            self.complete = False
            return None
        self.listed[path] = (listed_in, at)
        return path

    def count(self, path: Path, listed_in: Document | str, at: tuple[str | int, ...]) -> bool:
        """Whether a located file still fits under :data:`MAX_TOTAL_BYTES` with the others (reported once when not)."""
        try:
            self.total += path.stat().st_size
        except OSError:
            return True  # reading it will say what is wrong
        if self.total <= MAX_TOTAL_BYTES:
            return True
        if not self.over:
            self.over = True
            self.checker.report(listed_in, at, "too-large",
                                f"the scenario's files add up to more than {MAX_TOTAL_BYTES:,} bytes",
                                hint="a scenario is text; keep pictures and data out of its folder")
        self.complete = False
        return False

    def file(self, rel: str, schema_type: Any, listed_in: Document | None = None,
             at: tuple[str | int, ...] = ()) -> tuple[Document | None, Any]:
        where = listed_in or str(self.shown / rel)
        path = self.locate(rel, where, at)
        if path is None or not self.count(path, where, at):
            return None, None
        doc, diags = read(path, str(self.shown / rel))
        self.checker.diagnostics.extend(diags)
        if doc is None:
            self.complete = False
            return None, None
        self.digest.append((rel, path.read_bytes()))
        if doc.data is None:
            doc.data = [] if schema_type == schema.ITEMS else {}
        valid = self.checker.validate(schema_type, doc.data, doc, ())
        self.complete &= valid is not None
        return doc, valid

    def inside(self, rel: str, listed_in: Document, at: tuple[str | int, ...]) -> Path | None:
        """The path of a file the scenario names, when it exists inside the folder (reported otherwise)."""
        path = self.locate(rel, listed_in, at)
        if path is None or not self.count(path, listed_in, at):
            return None
        self.digest.append((rel, path.read_bytes()))
        return path

    def content_hash(self) -> str:
        h = hashlib.sha256()
        for rel, data in sorted(self.digest):
            h.update(rel.encode() + b"\0" + len(data).to_bytes(8, "big") + data)
        return h.hexdigest()


def load(path: str | Path, without: Iterable[str] = ()) -> LoadResult:
    """Load and validate the scenario in a folder (or named by its ``scenario.yaml``).

    ``without`` names assumptions to switch off: every rule, move, modifier and ending that encodes one is
    left out (the balance lab's ``--without``); the content hash says which were.
    """
    given = Path(path)
    folder = given.parent if given.name == SCENARIO_FILE else given
    checker = Checker()
    try:
        is_dir, exists = folder.is_dir(), given.exists()
    except (OSError, ValueError):  # a name no file system allows (too long, a NUL byte)
        is_dir = exists = False
    if not is_dir:
        checker.report(str(given), (), "missing-file",
                       "this is a file, not a scenario folder" if exists else "no such scenario folder",
                       hint="give the folder that holds scenario.yaml, e.g. scenarios/indo_pacific_2025")
        return LoadResult(None, checker.diagnostics)
    reader = _Reader(folder, folder, checker)
    opened = _open(reader, folder)
    if opened is None:
        return LoadResult(None, checker.diagnostics)
    sdoc, sm, base, layer, own = opened
    off = frozenset(without)
    removed = frozenset(layer.remove.assumptions) if layer else frozenset()
    parts = build.Parts(checker, partner_ids=frozenset(sm.partners), without=off | removed, folder=folder)
    unknown = sorted((off | removed) - {a.id for a in sm.assumptions})
    if unknown:
        checker.report(sdoc, ("remove", "assumptions") if unknown[0] in removed else ("assumptions",), "unknown-id",
                       f"no assumption '{unknown[0]}' to switch off",
                       hint=did_you_mean(unknown[0], [a.id for a in sm.assumptions])
                       or f"this scenario declares: {', '.join(a.id for a in sm.assumptions) or 'none'}")
        return LoadResult(None, checker.diagnostics)
    _check_scenario_numbers(parts, sm, sdoc)
    sources = [(base, sm.files, False), (reader, layer.files, True)] if base and layer else [(reader, sm.files, False)]
    for kind, add in (("actors", build.add_actors), ("actions", build.add_actions), ("rules", build.add_rules),
                      ("agendas", build.add_agendas), ("events", build.add_events)):
        for src, files, over in sources:
            parts.overriding = over
            for i, rel in enumerate(_listed(src.folder, files, kind)):
                doc, items = src.file(rel, schema.ITEMS, sdoc, ("files", kind, i))
                if doc is not None and items is not None:
                    _warn_if_empty(checker, doc, items, kind)
                    add(parts, items, doc)
    if layer is not None:
        layers.take_out(parts, layer.remove, sdoc)
    loc = _read_loc(reader if base is None else base, sm.files.loc, sdoc)
    if base is not None and layer is not None:
        parts.quiet = {id(d) for t in loc.values() for d in t.where.values()}  # the base's unused texts are its own
        loc = _read_loc(reader, layer.files.loc, sdoc, loc)
    files = sm.files
    income = build.bonuses(parts, sm.capital.bonuses, sdoc, ("capital", "bonuses"))
    endings = _endings(parts, sm, sdoc)
    labels = _labels(parts, sm, sdoc)
    diversification = _diversification(sm.diversification, parts, sdoc)
    geometry = _map_geometry(reader if base is None or layers.writes(own, "map") else base, sm, sdoc)
    complete = reader.complete and parts.complete and (base is None or base.complete)
    gaps = None
    if complete:  # cross-file checks on a partial scenario would only add noise
        crossref.check_frame(parts, sm, sdoc)
        crossref.check_refs(parts, sm)
        crossref.check_never_legal(parts, sm)
        crossref.check_strategy_tags(parts, sm, sdoc)
        eventcheck.check_events(parts, sm)
        gaps = crossref.check_text(parts, sm, sdoc, loc)
        if geometry is not None:
            _check_map_names(checker, sm, sdoc, geometry[1])
        lint.check_all(parts, sm, sdoc, folder, reader.listed, (layer.files if layer else sm.files).events is None)
    if not checker.ok:
        return LoadResult(None, checker.diagnostics, text=gaps)
    scenario = m.Scenario(
        id=sm.id, turns=sm.turns, start_year=sm.start.year, start_quarter=sm.start.quarter,
        player=m.PlayerDef(sm.player.id, sm.player.lat, sm.player.lon),
        meters=tuple(m.MeterDef(x.id, x.start, x.colour, x.at_zero, x.icon) for x in sm.meters),
        capital_start=sm.capital.start, capital_cap=sm.capital.cap, income_base=sm.capital.income,
        income_bonuses=income,
        tracks=tuple(m.TrackDef(t.id, t.min, t.max, t.start) for t in sm.tracks),
        actors=tuple(parts.actors), stance=m.StanceDef(sm.stance.low, sm.stance.high),
        partners=tuple(sm.partners),
        dependencies=tuple((k, tuple(v.items())) for k, v in sm.dependencies.items()),
        diversification=diversification,
        categories=tuple(sm.categories),
        actions=tuple(parts.actions), rules=tuple(parts.rules), events=tuple(parts.events),
        ratings=tuple(m.RatingDef(r.id, r.min_score) for r in sm.ratings),
        weightings=tuple(m.WeightingDef(x.id, tuple(x.weights.items())) for x in sm.weightings),
        map=_map(sm.map, geometry[0] if geometry else ""),
        max_crises=sm.max_crises, questions=tuple(sm.questions),
        difficulties=tuple(m.DifficultyDef(d.id, tuple(d.meters.items()), d.capital, d.income, d.crisis_chance,
                                           d.drift, d.move_chance)
                           for d in sm.difficulties),
        default_difficulty=sm.default_difficulty,
        guide=tuple((g.turn, g.id) for g in sm.guide),
        ministries=tuple(m.MinistryDef(x.id, tuple(x.focus)) for x in sm.classroom.ministries) if sm.classroom else (),
        presets=tuple(m.PresetDef(p.id, p.turns, p.minutes, p.debrief, p.difficulty, p.weighting)
                      for p in sm.classroom.presets) if sm.classroom else (),
        strategy_tags=tuple((role, frozenset(tags)) for role, tags in sm.strategy_tags.model_dump().items() if tags),
        tutorial=sm.tutorial,
        endings=endings,
        labels=labels,
        repetition=m.RepetitionDef(sm.repetition.memory, sm.repetition.step, sm.repetition.floor)
        if sm.repetition else None,
        assumptions=tuple(a.id for a in sm.assumptions if a.id not in removed), without=tuple(sorted(off)),
        loc={lang: t.table for lang, t in loc.items()},
        content_hash=_hash(reader, base) + (f"-without-{'+'.join(sorted(off))}" if off else ""),
    )
    return LoadResult(scenario, checker.diagnostics, _places(parts, sdoc), gaps)


def _open(reader: _Reader, folder: Path) -> tuple[Document, schema.ScenarioModel, _Reader | None,
                                                  layers.Layer | None, Document | None] | None:
    """Read scenario.yaml: (its document, its model, None, None, None) for a scenario of its own; for a layer,
    (the base's merged with the layer's, its model, the base's reader, the layer's own keys, the layer's own
    document). None when it cannot be read (reported)."""
    checker = reader.checker
    shown = str(reader.shown / SCENARIO_FILE)
    path = reader.locate(SCENARIO_FILE, shown, ())
    if path is None or not reader.count(path, shown, ()):
        return None
    doc, diags = read(path, shown)
    checker.diagnostics.extend(diags)
    if doc is None:
        return None
    reader.digest.append((SCENARIO_FILE, (folder / SCENARIO_FILE).read_bytes()))
    if doc.data is None:
        doc.data = {}
    if _old_format(checker, doc):
        return None
    if not layers.is_layer(doc):
        sm = checker.validate(schema.ScenarioModel, doc.data, doc, ())
        return None if sm is None else (doc, sm, None, None, None)
    own = {k: v for k, v in doc.data.items() if k in layers.LAYER_KEYS}
    layer = checker.validate(layers.Layer, own, doc, ())
    if layer is None:
        return None
    where = layers.base_folder(layer.extends, folder)
    if where is None:
        checker.report(doc, (layers.EXTENDS,), "unknown-id", f"no scenario '{layer.extends}' to extend",
                       hint="name a bundled scenario's id, or put the base's folder beside this one")
        return None
    base = _Reader(where, where, checker)
    bdoc, _ = base.file(SCENARIO_FILE, Any)
    if bdoc is None:
        return None
    if layers.is_layer(bdoc):
        checker.report(doc, (layers.EXTENDS,), "layer-of-layer",
                       f"'{layer.extends}' is itself a layer; a layer extends a whole scenario",
                       hint=f"extend the scenario '{bdoc.data[layers.EXTENDS]}' instead")
        return None
    mdoc = layers.merged(bdoc, doc)
    sm = checker.validate(schema.ScenarioModel, mdoc.data, mdoc, ())
    return None if sm is None else (mdoc, sm, base, layer, doc)


def _listed(folder: Path, files: schema.Files, kind: str) -> list[str]:
    """The files of one kind a scenario (or a layer) lists; events default to every ``events/*.yaml``."""
    if kind == "events" and files.events is None:
        return sorted(str(p.relative_to(folder)) for p in (folder / "events").glob("*.yaml"))
    return list(getattr(files, kind) or [])


def _hash(reader: _Reader, base: _Reader | None) -> str:
    """The content hash: of the scenario's files, or of the base's and the layer's together."""
    if base is None:
        return reader.content_hash()
    return hashlib.sha256((base.content_hash() + reader.content_hash()).encode()).hexdigest()


def _warn_if_empty(checker: Checker, doc: Document, items: list[Any], kind: str) -> None:
    """A listed file that defines nothing is most likely one emptied by mistake: what it held has vanished."""
    if not items:
        checker.report(doc, (), "empty-file", f"this file defines no {kind}",
                       hint="if it was emptied by mistake, restore it; if not, remove it from `files` in scenario.yaml",
                       warning=True)


def _places(parts: build.Parts, sdoc: Document) -> dict[tuple[str, str], Place]:
    """The position of every action, event and choice id, and of two keys of scenario.yaml."""
    out: dict[tuple[str, str], Place] = {}
    for (kind, obj_id), w in parts.defined.items():
        if kind in ("action", "event"):
            out[kind, obj_id] = Place(w.doc.file, *w.doc.where((*w.path, "id")))
    for e in parts.events:
        w = parts.defined["event", e.id]
        for j, c in enumerate(e.choices):
            out["choice", f"{e.id}.{c.id}"] = Place(w.doc.file, *w.doc.where((*w.path, "choices", j, "id")))
    for key in ("ratings", "meters"):
        out["scenario", key] = Place(sdoc.file, *sdoc.key_where((key,)))
    return out


def _old_format(checker: Checker, sdoc: Document) -> bool:
    """A format-1 scenario gets one clear error instead of a page of schema complaints."""
    data = sdoc.data
    if not isinstance(data, dict) or data.get("format") != 1:
        return False
    checker.diagnostics[:] = [d for d in checker.diagnostics if d.file != sdoc.file]
    checker.report(sdoc, ("format",), "old-format",
                   "this scenario uses format 1, from before scenarios declared their own frame",
                   hint="set `format: 2` and declare `player.id`, a `meters` list, `stance`, `diversification`, `map` "
                        "and `strategy_tags`: docs/modding/upgrading.md shows how, step by step")
    return True


def _diversification(d: schema.DiversificationModel | None, parts: build.Parts,
                     doc: Document) -> m.DiversificationDef | None:
    if d is None:
        return None
    own = d.capability
    if own is not None and not parts.kept(own.assumption, doc, ("diversification", "capability", "assumption")):
        own = None
    return m.DiversificationDef(d.meter, d.rate, d.low, d.high, tuple(d.weights.items()),
                                own.track if own else None, own.weight if own else 0.0)


def _box(b: schema.BoxModel) -> tuple[float, float, float, float]:
    return b.west, b.east, b.south, b.north


def _map(mm: schema.MapModel, geometry: str) -> m.MapDef:
    return m.MapDef(_box(mm.bounds), geometry, tuple(mm.countries.items()),
                    tuple(m.DisputedDef(d.id, d.country, _box(d.box)) for d in mm.disputed))


def _map_geometry(reader: _Reader, sm: schema.ScenarioModel, sdoc: Document) -> tuple[str, Geometry] | None:
    """The map's geometry file ("" for the bundled world map) and its countries; None when it cannot be read."""
    rel = sm.map.geometry
    path = world_map() if rel is None else reader.inside(rel, sdoc, ("map", "geometry"))
    if path is None:
        reader.complete = False
        return None
    try:
        geometry = read_geometry(path)
    except BadGeometry as e:
        reader.checker.report(sdoc, ("map", "geometry"), "bad-geometry", str(e),
                              hint="a geometry file is JSON in the bundled world map's format (assets/map/world.json)")
        reader.complete = False
        return None
    return ("" if rel is None else str(path)), geometry


def _check_map_names(checker: Checker, sm: schema.ScenarioModel, sdoc: Document, geometry: Geometry) -> None:
    """Every country the scenario names must be in the map."""
    names = geometry.countries
    where: list[tuple[tuple[str | int, ...], str]] = [(("map", "countries", a), n) for a, n in sm.map.countries.items()]
    where += [(("map", "disputed", i, "country"), d.country) for i, d in enumerate(sm.map.disputed)]
    for path, name in where:
        if name not in names:
            checker.report(sdoc, path, "unknown-id", f"the map has no country '{name}'",
                           hint=did_you_mean(name, names) or "docs/modding/map-countries.md lists the bundled map's names")


def _read_loc(reader: _Reader, files: Mapping[Any, list[str]], sdoc: Document,
              under: dict[str, crossref.LangText] | None = None) -> dict[str, crossref.LangText]:
    """Every language's text, merged from its files; a key defined in two files is an error. ``under``: a base
    scenario's text, which these files' keys replace (a layer's own text)."""
    out: dict[str, crossref.LangText] = dict(under or {})
    base_docs = {id(d) for t in out.values() for d in t.where.values()}
    for lang, rels in files.items():
        merged = out.get(lang) or crossref.LangText()
        for i, rel in enumerate(rels):
            doc, table = reader.file(rel, schema.LOC, sdoc, ("files", "loc", lang, i))
            if doc is None or table is None:
                continue
            for key, text in table.items():
                if key in merged.table and id(merged.where[key]) not in base_docs:
                    first = merged.where[key]
                    reader.checker.report(doc, (key,), "duplicate-key", f"text '{key}' is defined twice",
                                          hint=f"the first is at {first.file}:{first.where((key,))[0]}", at_key=True)
                    continue
                merged.table[key] = text
                merged.where[key] = doc
        out[lang] = merged
    return out


def _endings(parts: build.Parts, sm: schema.ScenarioModel, doc: Document) -> tuple[m.EndingDef, ...]:
    """The endings scenario.yaml declares besides its meters', each once and never a meter's twin."""
    taken = {x.at_zero for x in sm.meters} | {m.COMPLETED}
    out = []
    for i, e in enumerate(sm.endings):
        if not parts.kept(e.assumption, doc, ("endings", i, "assumption")):
            continue
        if e.id in taken:
            parts.checker.report(doc, ("endings", i, "id"), "duplicate-id", f"ending '{e.id}' is declared twice",
                                 hint="a meter's `at_zero` and `completed` are endings already; give this one its own id")
            continue
        taken.add(e.id)
        parts.define("ending", e.id, doc, ("endings", i))
        env = parts.env(doc)
        out.append(m.EndingDef(e.id, params.conditions(e.when, env, ("endings", i, "when")),
                               params.effects(e.effects, env, ("endings", i, "effects"))))
    return tuple(out)


def _labels(parts: build.Parts, sm: schema.ScenarioModel, doc: Document) -> tuple[m.LabelDef, ...]:
    """The debrief's strategy labels: each kept condition reads one fixed number; the last asks for nothing."""
    out, report = [], parts.checker.report
    for i, lab in enumerate(sm.labels):
        parts.define("label", lab.id, doc, ("labels", i))
        kept = params.conditions(lab.kept, parts.env(doc), ("labels", i, "kept"))
        for j, c in enumerate(kept):
            if not isinstance(c, Range) or c.reads_target() or c.name == "turn":
                report(doc, ("labels", i, "kept", j), "bad-label",
                       f"label '{lab.id}': `kept` takes conditions on one number (meter, track, relation, dependency)",
                       hint="e.g. `- track: {id: us_commitment, min: 30}`")
        for actor in lab.engaged:
            parts.ref("actor", actor, doc, ("labels", i, "engaged", actor))
        out.append(m.LabelDef(lab.id, tuple(lab.turns.items()), lab.breadth, kept, tuple(lab.engaged.items())))
    if out and (out[-1].turns or out[-1].breadth or out[-1].kept or out[-1].engaged):
        report(doc, ("labels", len(out) - 1), "bad-label", f"the last label, '{out[-1].id}', asks for something",
               hint="end the list with a label that asks for nothing: it names play that fits no other label")
    return tuple(out)


def _check_scenario_numbers(parts: build.Parts, sm: schema.ScenarioModel, doc: Document) -> None:
    """Checks across fields of scenario.yaml that a schema cannot express."""
    report = parts.checker.report
    if sm.capital.start > sm.capital.cap:
        report(doc, ("capital", "start"), "out-of-range", f"start capital {sm.capital.start} is above the cap {sm.capital.cap}")
    for i, t in enumerate(sm.tracks):
        parts.define("track", t.id, doc, ("tracks", i))
        if not t.min < t.max or not t.min <= t.start <= t.max:
            report(doc, ("tracks", i), "out-of-range", f"track '{t.id}' needs min < max and start within them")
    for kind, shares in sm.dependencies.items():
        for partner in shares:
            if partner not in sm.partners:
                parts.ref("partner", partner, doc, ("dependencies", kind, partner))
        if sum(shares.values()) != 100:
            report(doc, ("dependencies", kind), "out-of-range",
                   f"{kind} dependence shares add up to {sum(shares.values())}, not 100")
        if len(shares) < 2:
            report(doc, ("dependencies", kind), "out-of-range", f"{kind} dependence needs at least 2 partners")
    for i, meter in enumerate(sm.meters):
        parts.define("meter", meter.id, doc, ("meters", i))
        if meter.at_zero == m.COMPLETED:
            report(doc, ("meters", i, "at_zero"), "bad-id", f"'{m.COMPLETED}' is the ending of a game played to its end",
                   hint="name the collapse, e.g. `at_zero: security_collapse`")
    d = sm.diversification
    if d is not None:
        parts.ref("meter", d.meter, doc, ("diversification", "meter"))
        for kind in d.weights:
            if kind not in sm.dependencies:
                parts.ref("dependency", kind, doc, ("diversification", "weights", kind))
        if d.low >= d.high:
            report(doc, ("diversification",), "out-of-range", "diversification 'low' must be below 'high'")
        if d.capability is not None:
            parts.ref("track", d.capability.track, doc, ("diversification", "capability", "track"))
    for i, difficulty in enumerate(sm.difficulties):
        for meter_id in difficulty.meters:
            parts.ref("meter", meter_id, doc, ("difficulties", i, "meters", meter_id))
    for i, weighting in enumerate(sm.weightings):
        for meter_id in weighting.weights:
            parts.ref("meter", meter_id, doc, ("weightings", i, "weights", meter_id))
        if weighting.id in [x.id for x in sm.weightings[:i]]:
            report(doc, ("weightings", i, "id"), "duplicate-id", f"weighting id '{weighting.id}' is defined twice")
    if sm.classroom is not None:
        _check_classroom(parts, sm, sm.classroom, doc)
    for end in ("low", "high"):
        parts.ref("actor", getattr(sm.stance, end), doc, ("stance", end))
    if sm.stance.low == sm.stance.high:
        report(doc, ("stance",), "out-of-range", "the stance axis needs two different actors at its ends")
    _check_box(parts, doc, sm.map.bounds, ("map", "bounds"))
    for i, area in enumerate(sm.map.disputed):
        parts.define("disputed area", area.id, doc, ("map", "disputed", i))
        _check_box(parts, doc, area.box, ("map", "disputed", i, "box"))
    ids = [r.id for r in sm.ratings]
    if len(set(ids)) != len(ids):
        report(doc, ("ratings",), "duplicate-id", "two ratings share an id")
    levels = [d.id for d in sm.difficulties]
    for i, level in enumerate(levels):
        if level in levels[:i]:
            report(doc, ("difficulties", i, "id"), "duplicate-id", f"difficulty id '{level}' is defined twice")
    if levels and sm.default_difficulty not in levels:
        report(doc, ("default_difficulty",), "unknown-id", f"default difficulty '{sm.default_difficulty}' is not declared",
               hint=did_you_mean(sm.default_difficulty, levels) or f"declared: {', '.join(levels)}")


def _check_box(parts: build.Parts, doc: Document, box: schema.BoxModel, path: tuple[str | int, ...]) -> None:
    if not (box.west < box.east <= box.west + 360 and box.south < box.north):
        parts.checker.report(doc, path, "out-of-range", "a box needs west < east (at most 360° apart) and south < north")


def _check_classroom(parts: build.Parts, sm: schema.ScenarioModel, cls: schema.ClassroomModel, doc: Document) -> None:
    """The classroom block: unique ministries focused on meters (or capital), presets that fit the scenario."""
    report = parts.checker.report
    meters = {x.id for x in sm.meters}
    for i, ministry in enumerate(cls.ministries):
        if ministry.id in [x.id for x in cls.ministries[:i]]:
            report(doc, ("classroom", "ministries", i, "id"), "duplicate-id", f"ministry '{ministry.id}' is defined twice")
        for j, focus in enumerate(ministry.focus):
            if focus != "capital" and focus not in meters:
                report(doc, ("classroom", "ministries", i, "focus", j), "unknown-id",
                       f"a ministry's focus '{focus}' is neither a meter nor `capital`",
                       hint=did_you_mean(focus, meters | {"capital"}) or f"use one of: "
                                                                         f"{', '.join(sorted(meters | {'capital'}))}")
    levels = {d.id for d in sm.difficulties} or {m.STANDARD.id}
    weightings = {x.id for x in sm.weightings}
    for i, preset in enumerate(cls.presets):
        at = ("classroom", "presets", i)
        if preset.id in [x.id for x in cls.presets[:i]]:
            report(doc, (*at, "id"), "duplicate-id", f"preset '{preset.id}' is defined twice")
        if preset.turns > sm.turns:
            report(doc, (*at, "turns"), "out-of-range", f"preset '{preset.id}' plays {preset.turns} turns but the "
                   f"scenario has {sm.turns}", hint=f"at most {sm.turns}")
        if preset.difficulty is not None and preset.difficulty not in levels:
            report(doc, (*at, "difficulty"), "unknown-id", f"no difficulty '{preset.difficulty}'",
                   hint=f"use one of: {', '.join(sorted(levels))}")
        if preset.weighting is not None and preset.weighting not in weightings:
            report(doc, (*at, "weighting"), "unknown-id", f"no weighting '{preset.weighting}'",
                   hint=f"use one of: {', '.join(sorted(weightings)) or '(the scenario declares none)'}")
