"""`gaiko schema [--out DIR] [--check]`: write the editor schemas (JSON Schema, draft-07) of every kind of file.

The default folder is `.schema` in the current folder: run inside a scenario folder, it gives exactly the
layout `gaiko new` writes and the first lines of a scenario's files point at
(`# yaml-language-server: $schema=.schema/actions.schema.json`), and a dot-folder is never read as content.
"""

from __future__ import annotations

import sys
from pathlib import Path

import gaiko_game.core  # noqa: F401  (registers the plugins the schemas list)
from gaiko_game.scenario.editorschema import KINDS, schema_header, stale, write_schemas

WROTE = {"ja": "{n}個のスキーマを {out} に書きました。ファイルの1行目に次のように書くと、エディタが補完とエラー表示をします:",
         "en": "wrote {n} schemas to {out}. Start a file with a line like this for completion and error marks in "
               "your editor:"}
CURRENT = {"ja": "{out} のスキーマは最新です", "en": "the schemas in {out} are up to date"}
STALE = {"ja": "gaiko schema: {out} のスキーマが古いか欠けています（{files}）。'gaiko schema --out {out}' で書き直してください",
         "en": "gaiko schema: the schemas in {out} are out of date or missing ({files}); run 'gaiko schema --out {out}'"}
NOT_A_FOLDER = {"ja": "gaiko schema: {out} はフォルダではなくファイルです。--out で別のフォルダを指定してください",
                "en": "gaiko schema: {out} is a file, not a folder; choose a folder with --out"}
CANNOT_WRITE = {"ja": "gaiko schema: {out} に書けません：{why}。--out で書ける場所を指定してください",
                "en": "gaiko schema: cannot write to {out}: {why}. Choose a folder you can write to with --out"}


def run_schema(out: Path, check: bool, lang: str) -> int:
    """Write (or with ``check``, compare) the schemas; 1 when they are stale or cannot be written."""
    if out.exists() and not out.is_dir():
        sys.stderr.write(NOT_A_FOLDER[lang].format(out=out) + "\n")
        return 2
    if check:
        old = stale(out)
        if old:
            sys.stderr.write(STALE[lang].format(out=out, files=", ".join(p.name for p in old)) + "\n")
            return 1
        print(CURRENT[lang].format(out=out))
        return 0
    try:
        written = write_schemas(out)
    except OSError as e:
        sys.stderr.write(CANNOT_WRITE[lang].format(out=out, why=e.strerror or e) + "\n")
        return 1
    print(WROTE[lang].format(n=len(written), out=out))
    print(f"  {schema_header('actions', out.as_posix())}")
    print("  " + ", ".join(f"{k}.schema.json" for k in KINDS))
    return 0
