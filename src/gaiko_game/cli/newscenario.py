"""`gaiko new NAME [--from SCENARIO]`: a working scenario folder to start from, or a layer over an existing one."""

from __future__ import annotations

import sys
from pathlib import Path

from gaiko_game.cli.modwords import say
from gaiko_game.scenario import layers
from gaiko_game.scenario.bundled import bundled
from gaiko_game.scenario.editorschema import write_schemas
from gaiko_game.scenario.loader import load
from gaiko_game.scenario.template import holds_files, layer_files, name_problem, scenario_files
from gaiko_game.scenario.yamlsafe import read


def _fail(lang: str, key: str, hint: str | None = None, **args: object) -> int:
    sys.stderr.write(f"gaiko new: {say('error', lang)}{say(key, lang, **args)}\n"
                     + (f"  {say('hint', lang)}{hint}\n" if hint else ""))
    return 1


def run_new(name: str, base: str | None, lang: str, where: Path = Path()) -> int:
    """Write ``where/NAME``: exit 0 and list what was made, else 1 with the reason and nothing written."""
    problem = name_problem(name)
    if problem is not None:
        hint = say("new.exists_hint" if problem[0] == "new.name_bundled" else "new.name_hint", lang)
        return _fail(lang, problem[0], hint, **problem[1])
    target = where / name
    if holds_files(target):
        return _fail(lang, "new.exists", say("new.exists_hint", lang), folder=target)
    if base is None:
        files = scenario_files(name)
    else:
        made = _layer(name, base, target, lang)
        if isinstance(made, int):
            return made
        files = made
    try:
        for rel, text in files.items():
            path = target / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        schemas = write_schemas(target / ".schema")
    except OSError as e:
        return _fail(lang, "new.cannot_write", folder=target, why=e.strerror or e)
    heading = say("new.created", lang, name=name) if base is None else say("new.created_layer", lang, name=name, base=base)
    print(heading)
    for rel in files:
        print(f"  {target / rel}")
    if schemas:
        print(say("new.schemas", lang, folder=target))
    print(say("new.next", lang))
    test = f"gaiko loc {target} --missing" if base is not None else f"gaiko test {target}"
    for command in (f"gaiko validate {target}", f"gaiko play --text --scenario {target}", test):
        print(f"  {command}")
    return 0


def _layer(name: str, base: str, target: Path, lang: str) -> dict[str, str] | int:
    """The files of a layer over ``base`` (found as the loader finds a layer's base), or an exit code."""
    folder = layers.base_folder(base, target)
    if folder is None:
        ids = ", ".join(p.name for p in bundled())
        return _fail(lang, "new.no_base", say("new.no_base_hint", lang, ids=ids), base=base)
    doc, _ = read(folder / "scenario.yaml", str(folder / "scenario.yaml"))
    if doc is not None and layers.is_layer(doc):
        return _fail(lang, "new.base_layer", base=base, root=doc.data[layers.EXTENDS])
    loaded = load(folder)
    if loaded.scenario is None:
        return _fail(lang, "new.base_broken", say("loc.broken_hint", lang, folder=folder), base=base)
    return layer_files(name, base, loaded.scenario.loc)
