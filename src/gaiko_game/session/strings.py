"""The session's words in Japanese and English: what a save or a campaign says when it cannot open."""

from __future__ import annotations

from gaiko_game.core.strings import STRINGS as CORE

STRINGS: dict[str, dict[str, str]] = {
    "class.verified": {"ja": "チーム「{team}」：記録どおりに再現できました（スコア {score}）",
                       "en": "Team “{team}”: replays to its record (score {score})"},
    "class.not_verified": {"ja": "チーム「{team}」：記録どおりに再現できません。スコアは数えません",
                           "en": "Team “{team}”: does not replay to its record; its score does not count"},
    "class.no_scenario": {"ja": "このセッションのシナリオ「{scenario}」を読み込めません。シナリオのフォルダを --scenario で指定してください",
                          "en": "cannot load this session’s scenario “{scenario}”; give its folder with --scenario"},
    "save.unreadable": {"ja": "{file} を読み込めません（{why}）。", "en": "{file} cannot be read ({why})."},
    "save.too_big": {"ja": "{file} は大きすぎます（{size:,} バイト。セーブは最大 {limit:,} バイトです）。",
                     "en": "{file} is too big to be a save ({size:,} bytes; a save is at most {limit:,})."},
    "save.link": {"ja": "{file} はリンクです。セーブのフォルダーにあるリンクはたどりません。",
                  "en": "{file} is a link; links in the saves folder are not followed."},
    "save.not_a_file": {"ja": "{file} はファイルではありません（フォルダーやパイプなど）。セーブとしては読み込みません。",
                        "en": "{file} is not a file (a folder, a pipe or a device), so it is not read as a save."},
    "save.not_a_save": {"ja": "{file} は外交のセーブデータではありません。", "en": "{file} is not a Gaikō save."},
    "save.newer": {
        "ja": "{file} は新しい版の外交で作られました（セーブ形式 {format}）。ゲームを更新すると読み込めます。",
        "en": "{file} was made by a newer Gaikō (save format {format}); update the game to load it.",
    },
    "save.older_rules": {
        "ja": "{file} は {version} で作られたセーブです（セーブ形式 {format}）。ルールが変わったため、この版では再現できません。"
              "ファイルはそのまま残しており、gaiko replay で行った決定の記録を読むことはできます。",
        "en": "{file} was made by {version} (save format {format}), under earlier rules, so this version cannot "
              "replay it. The file is kept as it is, and gaiko replay still prints what was decided in it.",
    },
    "save.damaged": {"ja": "{file} は壊れています（「{field}」がないか、正しくありません）。",
                     "en": "{file} is damaged: '{field}' is missing or wrong."},
    "save.missing_scenario": {
        "ja": "このセーブは「{name}」というシナリオで遊んだものですが、そのシナリオはここにはありません。",
        "en": "This save was played on “{name}”, a scenario that is not installed here.",
    },
    "save.folder_scenario": {
        "ja": "{file} は、ゲームに同梱されていないフォルダー {folder} のシナリオで遊んだセーブです。"
              "そのフォルダーを指定したときだけ開きます。",
        "en": "{file} was played on the scenario in the folder {folder}, which is not one of the game's own; "
              "it is opened only when that folder is chosen.",
    },
    "save.scenario_broken": {
        "ja": "「{name}」に今はエラーがあるため、このセーブを開けません（gaiko validate {path} で確認できます）。",
        "en": "“{name}” has errors now, so this save cannot be opened (gaiko validate {path} shows them).",
    },
    "save.other_scenario": {
        "ja": "{file} は「{name}」のセーブで、「{other}」のものではありません。",
        "en": "{file} belongs to “{name}”, not to “{other}”.",
    },
    "save.does_not_replay": {"ja": "{file} はこのシナリオで再現できません：{why}",
                             "en": "{file} does not replay on this scenario: {why}"},
    "save.different_game": {
        "ja": "{file} を再現すると、保存されたゲームと違う結果になります（書き換えられたか、ルールが変わりました）。",
        "en": "{file} replays to a different game than the one saved (it was edited, or the rules changed).",
    },
    "save.changed_scenario": {
        "ja": "このセーブの後で「{name}」の内容が変わったため、記録 {total} 件のうち {played} 件までを今のルールで再現しました。",
        "en": "“{name}” has changed since this save; {played} of its {total} decisions replayed on the current rules.",
    },
}


def table() -> dict[str, dict[str, str]]:
    """The engine's words and the session's, for rendering a session's messages."""
    return {**CORE, **STRINGS}
