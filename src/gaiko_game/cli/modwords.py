"""What `gaiko new` and `gaiko loc` say, in Japanese and English (modders read them in their own language)."""
# ruff: noqa: E501  (a translation table: one entry a line reads better than wrapped literals)

from __future__ import annotations

WORDS: dict[str, dict[str, str]] = {
    "new.name_empty": {"ja": "シナリオ名が空です", "en": "the scenario's name is empty"},
    "new.name_long": {"ja": "名前 '{name}' が長すぎます（{limit}文字まで）", "en": "the name '{name}' is too long (at most {limit} characters)"},
    "new.name_start": {"ja": "名前 '{name}' は英小文字（a〜z）で始まる必要があります", "en": "the name '{name}' must start with a lower-case letter (a–z)"},
    "new.name_char": {"ja": "名前 '{name}' に使えない文字 '{char}' があります", "en": "the name '{name}' holds the character '{char}', which an id cannot hold"},
    "new.name_bundled": {"ja": "'{name}' は同梱のシナリオのIDです", "en": "'{name}' is the id of a bundled scenario"},
    "new.name_hint": {"ja": "IDは英小文字・数字・アンダースコアだけで、英小文字で始めます（例：my_scenario）", "en": "an id is lower-case letters, digits and underscores, starting with a letter (e.g. my_scenario)"},
    "new.exists": {"ja": "'{folder}' はすでにあり、空ではありません。上書きはしません", "en": "'{folder}' already exists and is not empty; nothing is overwritten"},
    "new.exists_hint": {"ja": "別の名前を選んでください", "en": "choose another name"},
    "new.no_base": {"ja": "拡張できるシナリオ '{base}' がありません", "en": "there is no scenario '{base}' to extend"},
    "new.no_base_hint": {"ja": "同梱のシナリオ：{ids}（またはその名前のフォルダーをここに置く）", "en": "bundled scenarios: {ids} (or put a folder of that name here)"},
    "new.base_broken": {"ja": "'{base}' にエラーがあるため、そのレイヤーは作れません", "en": "'{base}' has errors, so no layer can be made over it"},
    "new.base_layer": {"ja": "'{base}' 自体がレイヤーです。レイヤーは完全なシナリオを拡張します（'{root}' を指定してください）", "en": "'{base}' is itself a layer; a layer extends a whole scenario (give '{root}' instead)"},
    "new.cannot_write": {"ja": "'{folder}' に書き込めません：{why}", "en": "cannot write '{folder}': {why}"},
    "new.created": {"ja": "新しいシナリオ '{name}' を作りました：", "en": "Created the new scenario '{name}':"},
    "new.created_layer": {"ja": "'{base}' のレイヤー '{name}' を作りました：", "en": "Created '{name}', a layer over '{base}':"},
    "new.schemas": {"ja": "  {folder}/.schema/（エディター用のスキーマ）", "en": "  {folder}/.schema/ (schemas for your editor)"},
    "new.next": {"ja": "次に実行するコマンド：", "en": "Next, run:"},
    "loc.broken": {"ja": "{folder} には他のエラーがあるため、テキストを確認できません", "en": "{folder} has other errors, so its text cannot be checked"},
    "loc.broken_hint": {"ja": "先に直してください：gaiko validate {folder}", "en": "fix them first: gaiko validate {folder}"},
    "loc.missing_in": {"ja": "{file} — {language}のテキストが{count}件ありません：", "en": "{file} — {count} key(s) missing in {language}:"},
    "loc.unlisted": {"ja": "  （このファイルはシナリオに読まれません。scenario.yaml の files.loc.{lang} に次を加えてください：- {rel}）", "en": "  (the scenario does not read this file: add `- {rel}` to files.loc.{lang} in scenario.yaml)"},
    "loc.unused": {"ja": "{file}:{line}: 使われていないテキスト '{key}'", "en": "{file}:{line}: unused text '{key}'"},
    "loc.empty": {"ja": "{file}:{line}: 未翻訳（空）のテキスト '{key}'", "en": "{file}:{line}: untranslated (empty) text '{key}'"},
    "loc.summary": {"ja": "{folder}：不足 {missing}件、未翻訳 {empty}件、未使用 {unused}件", "en": "{folder}: {missing} missing, {empty} untranslated, {unused} unused"},
    "loc.next_skeleton": {"ja": "不足しているキーを追加するには：gaiko loc {folder} --skeleton", "en": "to add the missing keys: gaiko loc {folder} --skeleton"},
    "loc.wrote": {"ja": "{file}：{count}件のキーを追加しました（値は空。上のコメントは他の言語のテキスト）", "en": "{file}: added {count} key(s) (empty values; the comment above each holds the other language's text)"},
    "loc.created": {"ja": "{file} を作成しました", "en": "created {file}"},
    "loc.not_written": {"ja": "{file}：{count}件のキーは書けませんでした。scenario.yaml の files.loc.{lang} に `- {rel}` を加えてから、もう一度実行してください", "en": "{file}: {count} key(s) not written: add `- {rel}` to files.loc.{lang} in scenario.yaml, then run this again"},
    "loc.nothing": {"ja": "{folder}：不足しているキーはありません", "en": "{folder}: no key is missing"},
    "error": {"ja": "エラー：", "en": "error: "},
    "hint": {"ja": "ヒント：", "en": "hint: "},
    "lang.ja": {"ja": "日本語", "en": "Japanese"},
    "lang.en": {"ja": "英語", "en": "English"},
}


def say(key: str, lang: str, /, **args: object) -> str:
    """A message in ``lang`` (Japanese or English), formatted."""
    return WORDS[key]["ja" if lang == "ja" else "en"].format(**args)
