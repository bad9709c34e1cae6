"""What each classroom page shows, as JSON: drawn from the ``present`` layer's view models, so the wording and
numbers of a student's page are the window's.

A team's view is built once per change of that team and language, and its ministries' advice once per change
of the team (not per request or per student); the projector's and the teacher's views once per change of the
room. A student's page gets the team's view with its own role's brief and advice.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

from gaiko_game.core import Choose, EndTurn, Game, Scenario, parse_decision
from gaiko_game.core.report import score_of
from gaiko_game.present.actions import action_rows
from gaiko_game.present.crisis import crisis_card
from gaiko_game.present.debrief import impact
from gaiko_game.present.headline import headline
from gaiko_game.present.hud import hud
from gaiko_game.present.map import Projection, colour, map_data
from gaiko_game.present.words import words
from gaiko_game.session.classroom import TEACHER, TIMER, Room, Submitted, Team, verify
from gaiko_game.session.debrief import attribute, label, series, start_values
from gaiko_game.session.ministries import advice_all

LANGS = ("ja", "en")
MAP_SIZE = (960, 560)


def hex_colour(c: tuple[int, int, int]) -> str:
    return "#{:02x}{:02x}{:02x}".format(*c)


def map_shapes(sc: Scenario) -> dict[str, Any]:
    """The scenario's map as SVG paths in a 960×560 box (the window's map data and projection), with each actor's
    anchor; built once per scenario."""
    found = sc.cache.get("classroom.map")
    if isinstance(found, dict):
        return found
    data = map_data(sc)
    w, h = MAP_SIZE
    proj = Projection((0, 0, w, h), data.bounds)
    shapes = []
    for s in data.shapes:
        d = " ".join("M" + "L".join("{},{}".format(*proj.point(x, y)) for x, y in ring) + "Z" for ring in s.rings)
        shapes.append({"actor": s.actor, "disputed": s.disputed, "d": d})
    anchors = {a.id: proj.point(a.lon, a.lat) for a in sc.actors if proj.inside(a.lon, a.lat)}
    player = sc.player
    out = {"width": w, "height": h, "shapes": shapes, "anchors": anchors, "player": player.id,
           "player_at": proj.point(player.lon, player.lat)}
    sc.cache["classroom.map"] = out
    return out


class Views:
    """The pages' JSON, cached by the version of what they show."""

    def __init__(self, room: Room) -> None:
        self.room = room
        self.w = {lang: words(room.scenario, lang) for lang in LANGS}
        self._team: dict[tuple[str, str], tuple[tuple[int, int], dict[str, Any]]] = {}
        self._news: dict[str, tuple[tuple[str, int, int], dict[str, Any]]] = {}
        self._json: dict[tuple[str, str], tuple[tuple[int, int], str]] = {}
        self._advice: dict[str, tuple[int, dict[str, list[dict[str, Any]]]]] = {}
        self._room: dict[tuple[str, str], tuple[int, dict[str, Any]]] = {}

    # ── a team ────────────────────────────────────────────────────────────
    def student(self, team: str, role: str, lang: str) -> dict[str, Any]:
        """A student's page: the team's view with the role's brief and advice (``me``)."""
        t = self.room.team(team)
        return {**self.team(t, lang), "me": self.me(t, role, lang)}

    def student_json(self, team: str, role: str, lang: str) -> str:
        """:meth:`student` as JSON text: the team's part encoded once per change for all its students."""
        t = self.room.team(team)
        key, stamp = (t.id, lang), (t.version, self.room.epoch)
        cached = self._json.get(key)
        if cached is None or cached[0] != stamp:
            cached = (stamp, json.dumps(self.team(t, lang), ensure_ascii=False))
            self._json[key] = cached
        me = json.dumps(self.me(t, role, lang), ensure_ascii=False)
        return cached[1][:-1] + ', "me": ' + me + "}"

    def me(self, t: Team, role: str, lang: str) -> dict[str, Any]:
        w = self.w[lang]
        return {"team": t.id, "role": role, "role_name": self.role_name(role, lang),
                "brief": w.name(f"ministry.{role}.brief") if self.room.scenario.ministries else w.name(f"meter.{role}.desc"),
                "advice": self.advice(t, lang).get(role, [])}

    def date(self, game: Game, lang: str) -> str:
        """The date of the class's turn (between turns, a team's game is already at the next one: its date would
        contradict the turn the pages show); the game's before the first."""
        turn = self.room.turn if self.room.turn >= 1 else game.turn
        year, quarter = self.room.scenario.date(min(turn, game.turn))
        return self.w[lang].ui("hud.date_only", year=year, quarter=quarter)

    def role_name(self, role: str, lang: str) -> str:
        w = self.w[lang]
        return w.name(f"ministry.{role}") if self.room.scenario.ministries else w.meter(role)

    def team(self, t: Team, lang: str) -> dict[str, Any]:
        """A team's view: the game's part (menu, previews, map, reveals: the costly part) built once per decision
        and change of the room's clock, the rest (ballot, seats, status) each time it is asked for."""
        key, stamp = (t.id, lang), (len(t.decided), self.room.epoch)
        cached = self._team.get(key)
        if cached is None or cached[0] != stamp:
            cached = (stamp, self._game_view(t, lang))
            self._team[key] = cached
        room, game = self.room, t.game
        return {**cached[1], "status": room.status, "turn": room.turn, "turns": room.preset.turns,
                "acting": room.status == "open" and not room.finished(t),
                "finished": room.status != "lobby" and room.finished(t),
                "locked": t.locked, "merged_into": t.merged_into,
                "ballot": {role: {"decision": d, "label": self.label(game, d, lang)} for role, d in t.ballot.items()},
                "roles": [{"id": r, "name": self.role_name(r, lang), "held": room.holder(t.id, r) is not None}
                          for r in room.roles]}

    def _game_view(self, t: Team, lang: str) -> dict[str, Any]:
        room, w, game = self.room, self.w[lang], t.game
        h = hud(game, w)
        crisis = asdict(crisis_card(game, w)) if game.pending_crisis is not None else None
        actions = [] if game.pending_crisis is not None or game.is_over else [
            {"decision": str(r.order), "label": r.label, "category": r.category_name, "cost": r.cost, "badge": r.badge,
             "enabled": r.enabled, "effects": list(r.effects), "reasons": r.reasons, "desc": r.desc,
             "warnings": list(r.warnings)} for r in action_rows(game, w)]
        news = headline(game, w)
        return {
            "kind": "team", "team": t.id, "player": w.player(),
            "hud": {"date": self.date(game, lang), "capital": h.capital, "capital_value": h.capital_value, "upkeep": h.upkeep,
                    "programmes": h.programmes,
                    "meters": [{"id": m.id, "name": m.name, "value": m.value, "trend": m.trend, "colour": m.colour,
                                "desc": m.desc} for m in h.meters],
                    "tracks": [{"id": x.id, "name": x.name, "value": x.value, "lo": x.lo, "hi": x.hi, "desc": x.desc}
                               for x in h.tracks]},
            "headline": [{"id": i.id, "heading": i.heading, "text": i.text, "immediate": i.immediate,
                          "answers": list(i.details), "opportunity": i.opportunity} for i in news.items],
            "crisis": crisis, "actions": actions,
            "end": {"decision": "end", "label": self.label(game, "end", lang)} if crisis is None and not game.is_over
            else None,
            "default": game.default_choice(),
            "decided": [{"turn": d.turn, "label": self.submitted(d, lang), "by": d.submitter}
                        for d in t.decided[-8:]],
            "colours": {a.id: hex_colour(colour(game, a.id, "relation")) for a in room.scenario.actors},
            "relations": {a.id: game.view.relation(a.id) for a in room.scenario.actors},
            "names": {a.id: w.name(f"actor.{a.id}") for a in room.scenario.actors},
            "revealed": self._reveals(game, lang),
            "score": score_of(game.view.meters(), room.scenario.weighting(room.weighting)),
        }

    def label(self, game: Game | None, decision: str, lang: str, event: str = "") -> str:
        """A decision as students read it (the words' own names for actions, deals and vetoes); an answer is named
        from its crisis: ``event``, else the one the game is waiting on."""
        w = self.w[lang]
        d = parse_decision(decision)
        if isinstance(d, EndTurn):
            return w.ui("decision.end_turn_button")
        if isinstance(d, Choose):
            crisis = event or (game.pending_crisis.id if game is not None and game.pending_crisis else "")
            return w.name(f"event.{crisis}.choice.{d.choice}") if crisis else d.choice
        return w.decision(d)

    def submitted(self, d: Submitted, lang: str) -> str:
        """A decision of a team's record, named."""
        return self.label(None, d.decision, lang, d.event)

    def advice(self, t: Team, lang: str) -> dict[str, list[dict[str, Any]]]:
        """Each ministry's advice for the team's decision in hand, computed once per change of the team."""
        cached = self._advice.get(f"{t.id}:{lang}")
        if cached is not None and cached[0] == len(t.decided):
            return cached[1]
        w, game = self.w[lang], t.game
        out: dict[str, list[dict[str, Any]]] = {}
        if not game.is_over:
            for role, picks in advice_all(game, self.room.scenario.roles()).items():
                out[role] = [{"decision": p.decision, "label": self.label(game, p.decision, lang), "cost": p.cost,
                              "gains": [{"meter": w.meter(k), "by": v} for k, v in p.gains]} for p in picks]
        self._advice[f"{t.id}:{lang}"] = (len(t.decided), out)
        return out

    def _reveals(self, game: Game, lang: str) -> list[dict[str, Any]]:
        w, out = self.w[lang], []
        for r in self.room.reveals():
            if r["kind"] == "agenda":
                moves = [{"title": w.event_title(m.move), "odds": round(m.before * 100)}
                         for m in game.agenda_odds() if m.actor == r["actor"]]
                out.append({"kind": "agenda", "actor": w.name(f"actor.{r['actor']}"), "moves": moves})
            elif not game.is_over and game.pending_crisis is None:
                ahead = game.clone()
                ahead.end_turn()
                while ahead.pending_crisis is not None:
                    ahead.choose_default()
                out.append({"kind": "next_crises", "titles": [w.event_title(e.id) for e in ahead.announced]})
        return out

    # ── the room (projector and teacher) ──────────────────────────────────
    def room_view(self, lang: str, teacher: bool) -> dict[str, Any]:
        key = (lang, "teacher" if teacher else "projector")
        cached = self._room.get(key)
        if cached is not None and cached[0] == self.room.version:
            return cached[1]
        room, w = self.room, self.w[lang]
        teams = []
        for t in room.teams.values():
            row: dict[str, Any] = {"id": t.id, "finished": room.status != "lobby" and room.finished(t),
                                   "playing": t.playing,
                                   "merged_into": t.merged_into, "locked": t.locked,
                                   "members": sum(1 for m in room.members.values() if m.team == t.id)}
            if teacher:
                row["ballot"] = {self.role_name(r, lang): self.label(t.game, d, lang) for r, d in t.ballot.items()}
                row["meters"] = t.game.view.meters()
                row["turn"] = t.game.turn
                row["announced"] = [e.id for e in t.game.announced]
            teams.append(row)
        first = next((t for t in room.teams.values() if t.playing), next(iter(room.teams.values())))
        stamp = (first.id, len(first.decided), room.epoch)
        shared = self._news.get(lang)
        if shared is None or shared[0] != stamp:
            shared = (stamp, {"date": self.date(first.game, lang), "player": w.player(),
                              "news": [{"heading": i.heading, "text": i.text} for i in headline(first.game, w).items],
                              "colours": {a.id: hex_colour(colour(first.game, a.id, "role")) for a in room.scenario.actors}})
            self._news[lang] = shared
        view: dict[str, Any] = {**shared[1],
            "kind": "teacher" if teacher else "projector", "status": room.status, "turn": room.turn,
            "turns": room.preset.turns, "preset": w.name(f"preset.{room.preset.id}") if room.scenario.presets
            else room.preset.id, "debrief_minutes": room.preset.debrief, "minutes": room.preset.minutes,
            "code": room.code, "teams": teams,
            "names": {a.id: w.name(f"actor.{a.id}") for a in room.scenario.actors},
            "roles": {a.id: a.role for a in room.scenario.actors},
            "role_names": {a.role: w.name(f"role.{a.role}") for a in room.scenario.actors},
            "meters": [{"id": m.id, "name": w.meter(m.id), "colour": m.colour} for m in room.scenario.meters],
            "debrief": self.debrief(lang) if room.status == "ended" else None,
        }
        if teacher:
            sc = room.scenario
            view["events"] = [{"id": e.id, "title": w.event_title(e.id)} for e in sc.events if e.phase == "crisis"]
            view["actors"] = [{"id": a.id, "name": w.name(f"actor.{a.id}")} for a in sc.actors]
            view["difficulty"] = w.name(f"difficulty.{room.difficulty}") if sc.difficulties else room.difficulty
            view["weighting"] = w.name(f"weighting.{room.weighting}") if sc.weightings else room.weighting
        self._room[key] = (room.version, view)
        return view

    def debrief(self, lang: str) -> dict[str, Any]:
        """The cross-team debrief: the teams side by side on the same crises (who chose what, what followed), their
        meters over time, their scores and strategy labels, and the discussion questions."""
        room, w = self.room, self.w[lang]
        sc = room.scenario
        weights = sc.weighting(room.weighting)
        replays = verify(sc, room.data())  # the leaderboard counts a score only when its record replays to it
        teams: list[dict[str, Any]] = []
        crises: dict[tuple[int, str], dict[str, Any]] = {}
        for t in room.teams.values():
            game = t.game
            played = label(game)
            data, start = series(game), start_values(game)
            teams.append({"id": t.id, "score": score_of(game.view.meters(), weights), "verified": replays[t.id],
                          "meters": game.view.meters(),
                          "label": w.name(f"label.{played}") if played else "",
                          "curves": {m: [start[m], *data[m]] for m in sc.meter_ids()}, "merged_into": t.merged_into})
            traced = attribute(game)
            for d in traced.decided:
                if not d.choice:
                    continue
                i = impact(game, w, d)
                row = crises.setdefault((d.turn, d.choice.partition(".")[0]),
                                        {"turn": d.turn, "when": i.when, "title": i.parts[0], "teams": {}})
                row["teams"][t.id] = {"answer": i.parts[1], "effects": [e for e, _ in i.effects + i.later],
                                      "total": i.total}
        teams.sort(key=lambda x: (x["merged_into"] is not None or not x["verified"], -float(x["score"])))
        return {"teams": teams, "crises": [crises[k] for k in sorted(crises)],
                "meters": [{"id": m.id, "name": w.meter(m.id), "colour": m.colour} for m in sc.meters],
                "questions": [w.name(f"question.{q}") for q in sc.questions],
                "by_clock": {t.id: sum(1 for d in t.decided if d.submitter == TIMER) for t in room.teams.values()},
                "by_teacher": {t.id: sum(1 for d in t.decided if d.submitter == TEACHER) for t in room.teams.values()}}
