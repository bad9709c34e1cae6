"""The classroom's words in Japanese and English: what `gaiko class` prints, and every text of its web pages.

The pages fetch :func:`page_strings` (``/api/strings``) and render their own labels from it; every error
code the server sends (``error.<code>``) has a text here, so a student never reads a bare code.
"""

from __future__ import annotations

from gaiko_game.core.strings import STRINGS as CORE

CLI: dict[str, dict[str, str]] = {
    "cli.title": {"ja": "外交 Gaikō — クラス（{scenario}）", "en": "Gaikō 外交 — class ({scenario})"},
    "cli.preset": {"ja": "プリセット：{preset} — {turns}ターン×{minutes:g}分、振り返り{debrief}分、{teams}チーム",
                   "en": "Preset: {preset} — {turns} turns of {minutes:g} minutes, a {debrief}-minute debrief, {teams} teams"},
    "cli.join": {"ja": "生徒の参加用アドレス：{url}   ルームコード：{code}（QRコードでも参加できます）",
                 "en": "Students join at: {url}   Room code: {code} (or scan the QR code)"},
    "cli.teacher": {"ja": "先生用コンソール（このコンピューターでだけ開けます。URLは生徒に見せないでください）：{url}",
                    "en": "Teacher's console (opens only on this computer; do not show this address to students): {url}"},
    "cli.projector": {"ja": "プロジェクター用の画面：{url}", "en": "Projector page: {url}"},
    "cli.session": {"ja": "セッションファイル（決定のたびに保存。再開：gaiko class --resume このファイル）：{file}",
                    "en": "Session file (saved after every decision; resume with gaiko class --resume FILE): {file}"},
    "cli.firewall": {"ja": "OSのファイアウォールが接続の許可を求めたら、「プライベートネットワーク」（学校のネットワーク）だけを許可してください。",
                     "en": "If the operating system's firewall asks, allow connections on private networks (the school's) only."},
    "cli.stop": {"ja": "終了するには Ctrl+C を押してください。", "en": "Press Ctrl+C to stop."},
    "cli.stopped": {"ja": "クラスを終了しました。セッションは {file} に保存されています。",
                    "en": "The class has stopped. The session is saved in {file}."},
    "cli.not_a_session": {"ja": "{file} は外交のクラスのセッションファイルではありません。",
                          "en": "{file} is not a Gaikō class session file."},
    "cli.bad_scenario": {"ja": "{folder} のシナリオに誤りがあるため開始できません（gaiko validate {folder} で確認できます）。",
                         "en": "cannot start: the scenario in {folder} has errors (gaiko validate {folder} lists them)."},
    "cli.refused": {"ja": "開始できません：{why}", "en": "cannot start: {why}"},
    "cli.no_address": {"ja": "待ち受けるアドレスを使えません：{why}", "en": "cannot listen on that address: {why}"},
}

PAGE: dict[str, dict[str, str]] = {}
"""The web pages' texts (filled by the pages' author; see ``web/``)."""

TEXTS: dict[str, dict[str, str]] = {**CORE, **CLI, **PAGE}


def page_strings() -> dict[str, dict[str, str]]:
    """Every text a page shows, by language: {"ja": {key: text}, "en": {…}}."""
    return {lang: {k: v[lang] for k, v in PAGE.items()} for lang in ("ja", "en")}
