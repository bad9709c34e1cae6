"""The kit's pages of words: the rules summary (from the scenario's own numbers), the world's rules as the laptop
applies them, and the teacher's pages (running a paper class with the referee, the crises' stories by code, the
index of codes, the discussion questions)."""

from __future__ import annotations

import shlex

from gaiko_game.printkit.context import MARGIN, Context
from gaiko_game.printkit.text import Block, set_blocks

BODY = 9.5
HEAD = 11.0


def _date(ctx: Context, turn: int) -> str:
    year, quarter = ctx.scenario.date(turn)
    return ctx.t("rules.date", year=year, q=quarter)


def h(text: str) -> Block:
    """A heading within a page of words."""
    return Block(text, HEAD, bold=True, after=0.3)


def p(text: str) -> Block:
    """A paragraph of a page of words."""
    return Block(text, BODY, after=0.5)


def _flow(ctx: Context, blocks: list[Block], label: str, heading: str) -> None:
    """Blocks set in the page's column, running on to as many pages as they need (each block stays whole)."""
    pdf = ctx.pdf
    y = ctx.page(heading)
    width, bottom = pdf.w - 2 * MARGIN, pdf.h - 14.0
    batch: list[Block] = []
    for b in blocks:
        trial = [*batch, b]
        if not batch or set_blocks(trial, width, bottom - y, pdf.measure, floor=min(x.size for x in trial)).fits:
            batch = trial
            continue
        pdf.fit(label, batch, MARGIN, y, width, bottom - y)
        y = ctx.page(heading)
        batch = [b]
    if batch:
        pdf.fit(label, batch, MARGIN, y, width, bottom - y)


def rules_summary(ctx: Context) -> None:
    """How to play, in the scenario's numbers: the turn, capital, actions and dice, crises, the world, the end."""
    sc, w = ctx.scenario, ctx.w
    others = [a for a in sc.actors if a.id != sc.player.id]
    income = [ctx.t("rules.income_bonus", add=f"{round(b.add):+d}", when=w.conditions(b.when)) for b in sc.income_bonuses]
    meters = w.join([w.meter(m.id) for m in sc.meters])
    crises = [e for e in sc.events if e.choices]
    blocks = [
        Block(w.name("scenario.name"), 15.0, bold=True, after=0.3),
        p(w.name("scenario.description")),
        h(ctx.t("rules.goal_head")),
        p(ctx.t("rules.goal", player=w.player(), meters=meters, turns=sc.turns, first=_date(ctx, 1),
                last=_date(ctx, sc.turns), starts=w.join([f"{w.meter(m.id)} {m.start}" for m in sc.meters]))),
        h(ctx.t("rules.kit_head")),
        p(ctx.t("rules.kit", actions=len(sc.actions), crises=len(crises), actors=len(others))),
        h(ctx.t("rules.turn_head")),
        p(ctx.t("rules.turn_1", crises=sc.max_crises)),
        p(ctx.t("rules.turn_2", start=sc.capital_start, income=sc.income_base, cap=sc.capital_cap)
          + ("" if not income else " " + w.join(income))),
        p(ctx.t("rules.turn_3")),
        p(ctx.t("rules.turn_4")),
        p(ctx.t("rules.turn_5")),
        p(ctx.t("rules.turn_6", rules=len(sc.rules))),
        h(ctx.t("rules.dice_head")),
        p(ctx.t("rules.dice")),
        h(ctx.t("rules.end_head")),
        p(ctx.t("rules.end", meters=meters, turns=sc.turns)),
    ]
    if sc.endings:
        blocks.append(p(ctx.t("rules.other_endings", endings=w.join([w.name(f"ending.{e.id}") for e in sc.endings]))))
    weighting = sc.weighting()
    weights = w.join([f"{w.meter(m)} ×{weighting.of(m):g}" for m in sc.meter_ids()])
    bands = w.join([f"{w.name(f'rating.{r.id}')} {r.min_score:g}+" for r in sorted(sc.ratings, key=lambda r: -r.min_score)])
    blocks += [h(ctx.t("rules.score_head")), p(ctx.t("rules.score", weights=weights, bands=bands))]
    _flow(ctx, blocks, "rules", ctx.t("rules.heading"))


def world_rules(ctx: Context) -> None:
    """The world's rules, each with when it applies and what it does: what the referee's laptop computes in the
    world phase, printed so a class can see every mechanism (and the teacher can switch to a scenario without one)."""
    w = ctx.w
    blocks = [Block(ctx.t("world.intro"), BODY, after=0.6)]
    for r in ctx.scenario.rules:
        when = w.conditions(r.when) if r.when else ctx.t("world.always")
        does = w.join([w.effect(e, off) for off, e in r.steps]) or w.ui("word.no_changes")
        blocks.append(Block(w.name(f"rule.{r.id}"), BODY, bold=True, after=0.1))
        blocks.append(Block(ctx.t("world.rule", when=when, does=does), 8.5, after=0.5))
    _flow(ctx, blocks, "world rules", ctx.t("world.heading"))


def _plan(ctx: Context) -> list[Block]:
    """A lesson plan from the scenario's first class preset, which the referee's aid plays by default."""
    preset = ctx.scenario.class_presets()[0]
    play = round(preset.turns * preset.minutes)
    total = 10 + play + preset.debrief
    return [h(ctx.t("teach.plan_head", total=total)),
            p(ctx.t("teach.plan", turns=preset.turns, minutes=f"{preset.minutes:g}", play=play, debrief=preset.debrief))]


def teacher_pages(ctx: Context) -> None:
    """The teacher's pages: preparing and running a paper class, the crises' stories to read aloud, the codes."""
    sc, w = ctx.scenario, ctx.w
    command = shlex.join(["gaiko", "play", "--text", "--referee", "--scenario", ctx.folder, "--teams", "4"])
    example = next(iter(ctx.codes.action.values()), "A01")
    aimed = next((a for a in sc.actions if a.targets), None)
    targeted = f"{ctx.codes.action[aimed.id]}@{aimed.targets[0]}" if aimed is not None else example
    crisis = next((e for e in sc.events if e.choices), None)
    answer = ctx.codes.answer(crisis, crisis.choices[-1].id) if crisis is not None else "C01a"
    blocks = [h(ctx.t("teach.prepare_head")), p(ctx.t("teach.prepare")),
              h(ctx.t("teach.run_head")),
              p(ctx.t("teach.run", command=command, example=example, targeted=targeted, letter=answer[-1],
                      answer=answer)),
              p(ctx.t("teach.turn")), p(ctx.t("teach.dice")), h(ctx.t("teach.end_head")), p(ctx.t("teach.end")),
              *_plan(ctx)]
    if sc.questions:
        blocks.append(h(ctx.t("teach.questions_head")))
        blocks += [p(f"・{w.name(f'question.{q}')}") for q in sc.questions]
    _flow(ctx, blocks, "teacher", ctx.t("teach.heading"))
    stories = [Block(ctx.t("teach.stories_intro"), BODY, after=0.6)]
    for e in sc.events:
        if not e.choices:
            continue
        stories.append(Block(f"{ctx.codes.crisis[e.id]}  {w.name(f'event.{e.id}.title')}", BODY, bold=True, after=0.1))
        if w.has(f"event.{e.id}.text"):
            stories.append(Block(w.name(f"event.{e.id}.text"), 8.5, after=0.5))
    _flow(ctx, stories, "stories", ctx.t("teach.stories_heading"))
    index = [Block(ctx.t("teach.index_intro"), BODY, after=0.5)]
    for a in sc.actions:
        targets = f" @{'/'.join(a.targets)}" if a.targets else ""
        index.append(Block(f"{ctx.codes.action[a.id]}  {w.name(f'action.{a.id}.name')}{targets}", 8.5, after=0.1))
    index.append(Block("", 8.5, after=0.3))
    for e in sc.events:
        if e.choices:
            answers = w.join([f"{ctx.codes.answer(e, c.id)[-1]} {w.name(f'event.{e.id}.choice.{c.id}')}" for c in e.choices])
            index.append(Block(f"{ctx.codes.crisis[e.id]}  {w.name(f'event.{e.id}.title')}：{answers}"
                               if ctx.lang == "ja" else f"{ctx.codes.crisis[e.id]}  {w.name(f'event.{e.id}.title')}: {answers}",
                               8.5, after=0.2))
    _flow(ctx, index, "index", ctx.t("teach.index_heading"))
