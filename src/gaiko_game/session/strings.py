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
    "save.mod_missing": {
        "ja": "このセーブはモッド「{mod}」（バージョン {version}）のシナリオ「{name}」で遊んだものですが、そのモッドはインストールされていません。"
              "そのバージョンのモッドをインストールすると開けます。",
        "en": "This save was played on “{name}” from the mod “{mod}” (version {version}), which is not installed; "
              "install that version of the mod to open it.",
    },
    "save.mod_unplayable": {
        "ja": "このセーブはモッド「{mod}」のシナリオ「{name}」で遊んだものですが、インストールされているそのモッド（バージョン {version}）は"
              "今は遊べません（壊れているか、このゲームの版に対応していません）。",
        "en": "This save was played on “{name}” from the mod “{mod}”, but the installed mod (version {version}) cannot "
              "be played now: it is broken or made for another version of the game.",
    },
    "save.mod_other_version": {
        "ja": "このセーブはモッド「{mod}」のバージョン {saved} で遊んだもので、今インストールされているのはバージョン {installed} です。{rest}",
        "en": "This save was played on version {saved} of the mod “{mod}”; version {installed} is installed. {rest}",
    },
    "save.mod_same_rules": {"ja": "ルールは変わっていないため、保存どおりに再現しました。",
                            "en": "Its rules are the same, so the game replayed as saved."},
    "mods.unreadable": {"ja": "{file} を読み込めません（{why}）。", "en": "{file} cannot be read ({why})."},
    "mods.not_zip": {"ja": "{file} はアーカイブとして読めません（{why}）。何もインストールしていません。",
                     "en": "{file} cannot be read as a zip archive ({why}); nothing was installed."},
    "mods.archive_too_big": {"ja": "{file} は {size:,} バイトあります。モッドのアーカイブは最大 {limit:,} バイトです。",
                             "en": "{file} is {size:,} bytes; a mod's archive is at most {limit:,} bytes."},
    "mods.escapes": {"ja": "{file} の「{entry}」は、モッドのフォルダーの外を指す名前です（親フォルダーへの移動、絶対パス、ドライブ名、逆スラッシュ）。何もインストールしていません。",
                     "en": "{file}: the entry “{entry}” names a place outside the mod's folder (.., an absolute path, "
                           "a drive letter or a backslash); nothing was installed."},
    "mods.link": {"ja": "{file} の「{entry}」はリンクか特殊なファイルです。モッドに入れられるのは普通のファイルだけです。",
                  "en": "{file}: “{entry}” is a link or a special file; a mod holds plain files only."},
    "mods.encrypted": {"ja": "{file} の「{entry}」は暗号化されています。モッドは暗号化せずに圧縮してください。",
                       "en": "{file}: “{entry}” is encrypted; pack the mod without a password."},
    "mods.twice": {"ja": "{file} に「{entry}」が二度入っています。何もインストールしていません。",
                   "en": "{file} holds “{entry}” twice; nothing was installed."},
    "mods.not_data": {
        "ja": "{file} の「{entry}」はデータではありません。モッドに入れられるのは {kinds}とライセンスのファイルだけで、プログラムやスクリプトは入れられません。",
        "en": "{file}: “{entry}” is not data. A mod holds only {kinds} and licence files — never a program or a script.",
    },
    "mods.too_many": {"ja": "{file} には {n} 個のファイルがあります。モッドに入れられるのは最大 {limit} 個です。",
                      "en": "{file} holds {n} files; a mod may hold at most {limit}."},
    "mods.file_too_big": {"ja": "{file} の「{entry}」は展開すると {size:,} バイトになります。ファイル一つにつき最大 {limit:,} バイトです。",
                          "en": "{file}: “{entry}” unpacks to {size:,} bytes; one file may be at most {limit:,}."},
    "mods.too_big": {"ja": "{file} は展開すると {size:,} バイトになります。モッドは全体で最大 {limit:,} バイトです。",
                     "en": "{file} unpacks to {size:,} bytes; a whole mod may be at most {limit:,}."},
    "mods.size_lie": {"ja": "{file} の「{entry}」は、書かれている大きさより多く展開されます（圧縮爆弾の可能性）。インストールを中止しました。",
                      "en": "{file}: “{entry}” unpacks to more than the archive declares (a zip bomb?); the install "
                            "was stopped and nothing was installed."},
    "mods.no_manifest": {"ja": "{file} の一番上（または一番上のフォルダー）にマニフェスト {manifest} がありません。",
                         "en": "{file} has no manifest, {manifest}, at its top (or in the one folder at its top)."},
    "mods.cannot_pack": {"ja": "{file} はまだパックできないため、何も書き込んでいません。問題点：",
                         "en": "{file} cannot be packed yet, so nothing was written. Its problems:"},
    "mods.invalid": {"ja": "{file} は正しいモッドではないため、何もインストール・作成していません。問題点：",
                     "en": "{file} is not a valid mod, so nothing was installed or written. Its problems:"},
    "mods.bundled_id": {"ja": "「{mod}」はゲームに同梱のシナリオの識別子です。モッドとそのシナリオには別の識別子を付けてください。",
                        "en": "“{mod}” is the id of a bundled scenario; give the mod and its scenario an id of their own."},
    "mods.installed_already": {
        "ja": "モッド「{mod}」（バージョン {version}）はすでにインストールされています。置き換えるには {option} を付けてください。",
        "en": "The mod “{mod}” is installed already (version {version}); add {option} to replace it.",
    },
    "mods.not_installed": {"ja": "モッド「{mod}」はインストールされていません。", "en": "No mod “{mod}” is installed."},
    "mods.cannot_write": {"ja": "{path} に書き込めません（{why}）。", "en": "{path} cannot be written ({why})."},
    "mods.manifest_exists": {"ja": "{path} はすでにあります。そのままにしています。",
                             "en": "{path} exists already; it was left as it is."},
    "save.changed_scenario": {
        "ja": "このセーブの後で「{name}」の内容が変わったため、記録 {total} 件のうち {played} 件までを今のルールで再現しました。",
        "en": "“{name}” has changed since this save; {played} of its {total} decisions replayed on the current rules.",
    },
}


def table() -> dict[str, dict[str, str]]:
    """The engine's words and the session's, for rendering a session's messages."""
    return {**CORE, **STRINGS}
