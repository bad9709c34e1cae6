"""The engine's own words in Japanese and English: names of numbers, conditions, effects, refusals.

Scenario text (names of actors, actions, events) lives in the scenario's ``loc/`` files;
the interface's words (menus, the turn report, the HUD) live with the presentation layer
(``gaiko_game.present.strings``). Every key has both languages and matching placeholders
(a test checks).
"""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    # names of numbers
    "key.plain": {"ja": "{name}", "en": "{name}"},
    "key.relation": {"ja": "{actor}との関係", "en": "Relation with {actor}"},
    "key.stance": {"ja": "{actor}の{axis}", "en": "{axis} ({actor})"},
    "key.dependency": {"ja": "{kind}（{partner}）", "en": "{kind} ({partner})"},
    "key.dependency_others": {"ja": "{kind}（ほかの国・地域、比率に応じて）", "en": "{kind} (the others, in proportion)"},
    "word.turn": {"ja": "ターン", "en": "Turn"},
    # conditions
    "cond.at_least": {"ja": "{name}が{min}以上（現在{now}）", "en": "{name} at least {min} (now {now})"},
    "cond.at_most": {"ja": "{name}が{max}以下（現在{now}）", "en": "{name} at most {max} (now {now})"},
    "cond.between": {
        "ja": "{name}が{min}〜{max}（現在{now}）",
        "en": "{name} between {min} and {max} (now {now})",
    },
    "cond.turn": {"ja": "ターン{min}〜{max}（現在{now}）", "en": "Turns {min} to {max} (now {now})"},
    "cond.flag": {"ja": "「{flag}」が必要", "en": "Needs “{flag}”"},
    "cond.modifier": {"ja": "「{id}」が有効", "en": "“{id}” in effect"},
    "cond.played": {"ja": "このターンに「{what}」を{min}回以上", "en": "“{what}” played at least {min}× this turn"},
    "cond.played_within": {"ja": "このターンか直前{within}ターンに「{what}」を実行（{ago}）",
                           "en": "“{what}” played this turn or in the {within} turns before ({ago})"},
    "cond.played_within_one": {"ja": "このターンか前のターンに「{what}」を実行（{ago}）",
                               "en": "“{what}” played this turn or the turn before ({ago})"},
    "cond.engaged": {"ja": "このターンか直前{within}ターンに{actor}と関与（{ago}）",
                     "en": "engaged {actor} this turn or in the {within} turns before ({ago})"},
    "cond.engaged_one": {"ja": "このターンか前のターンに{actor}と関与（{ago}）",
                         "en": "engaged {actor} this turn or the turn before ({ago})"},
    "cond.never": {"ja": "まだ一度もない", "en": "never yet"},
    "cond.ago": {"ja": "最後は{n}ターン前", "en": "last: {n} turns ago"},
    "cond.ago_one": {"ja": "最後は前のターン", "en": "last: the turn before"},
    "cond.this_turn": {"ja": "このターンに実施", "en": "this turn"},
    "cond.committed": {"ja": "「{action}」を継続中", "en": "“{action}” in force"},
    "cond.situation": {"ja": "「{event}」が続いている", "en": "“{event}” is ongoing"},
    "cond.fired": {"ja": "「{event}」が{min}回以上起きた（現在{now}回）", "en": "“{event}” has happened {min}+ times (now {now})"},
    "cond.chose": {"ja": "「{event}」で「{choice}」を選択済み", "en": "Chose “{choice}” in “{event}”"},
    "cond.not": {"ja": "次が成り立たない：{inner}", "en": "Not: {inner}"},
    "cond.any": {"ja": "いずれか：{inner}", "en": "Any of: {inner}"},
    "cond.all": {"ja": "{inner}", "en": "{inner}"},
    # effects
    "effect.amount": {"ja": "{name} {by:+d}", "en": "{name} {by:+d}"},
    "effect.dependency": {
        "ja": "{kind}を{to}へ{by}ポイント移す",
        "en": "{kind}: {by} points shift to {to}",
    },
    "effect.dependency_one": {"ja": "{kind}を{to}へ1ポイント移す", "en": "{kind}: 1 point shifts to {to}"},
    "effect.drift": {"ja": "{actor}との関係が基準値へ最大{by}戻る", "en": "Relation with {actor} drifts back by up to {by}"},
    "word.listed_actors": {"ja": "{n}か国", "en": "{n} countries"},
    "effect.end_game": {"ja": "ゲームが終わる：{ending}", "en": "The game ends: {ending}"},
    "effect.end_situation": {"ja": "「{event}」を終わらせる", "en": "Ends “{event}”"},
    "effect.set_flag": {"ja": "「{flag}」を得る", "en": "Gain “{flag}”"},
    "effect.clear_flag": {"ja": "「{flag}」を失う", "en": "Lose “{flag}”"},
    "effect.modifier": {
        "ja": "「{id}」：{turns}ターンの間、毎ターン {inner}",
        "en": "“{id}”: each turn for {turns} turns, {inner}",
    },
    # refusals
    "refuse.phase_actions": {
        "ja": "今は行動フェーズではありません。先に危機への対応を選んでください。",
        "en": "It is not the action phase: answer the crisis first.",
    },
    "refuse.phase_crisis": {"ja": "対応を待っている危機はありません。", "en": "No crisis is waiting for an answer."},
    "refuse.over": {"ja": "ゲームは終了しています。", "en": "The game is over."},
    "refuse.unknown_action": {
        "ja": "「{action}」という行動はこのシナリオにありません。",
        "en": "This scenario has no action called “{action}”.",
    },
    "refuse.target": {
        "ja": "「{action}」の対象には{targets}から選んでください。",
        "en": "Choose the target of “{action}” from: {targets}.",
    },
    "refuse.no_target": {"ja": "「{action}」は対象を取りません。", "en": "“{action}” takes no target."},
    "refuse.capital": {
        "ja": "外交資本が足りません：必要 {cost}、手元 {have}。",
        "en": "Not enough Diplomatic Capital: it costs {cost} and you have {have}.",
    },
    "refuse.cooldown": {
        "ja": "準備中です：あと{turns}ターンで再び使えます。",
        "en": "Still recovering: usable again in {turns} turns.",
    },
    "refuse.cooldown_one": {"ja": "準備中です：次のターンに再び使えます。", "en": "Still recovering: usable again next turn."},
    "refuse.requires": {"ja": "条件を満たしていません：{inner}。", "en": "Requirements not met: {inner}."},
    "refuse.not_announced": {"ja": "今ターンの予告に「{event}」の対応「{choice}」はありません。",
                             "en": "This turn's headline has no answer “{choice}” to “{event}”."},
    "refuse.unknown_event": {
        "ja": "「{event}」という出来事はこのシナリオにありません。",
        "en": "This scenario has no event called “{event}”.",
    },
    "refuse.not_pending": {
        "ja": "「{event}」は今ターンの予告にありません。",
        "en": "“{event}” is not on this turn's headline.",
    },
    "refuse.event_spent": {
        "ja": "「{event}」はこのゲームではもう起こりません。",
        "en": "“{event}” cannot happen again in this game.",
    },
    "refuse.difficulty": {
        "ja": "このシナリオに難易度「{level}」はありません。次から選んでください：{levels}。",
        "en": "This scenario has no difficulty “{level}”; choose one of: {levels}.",
    },
    "refuse.committed": {"ja": "この施策はターン{since}から継続中です（終えるには取りやめます：ウィンドウでは P、テキスト版では x と番号）。",
                         "en": "This programme has been in force since turn {since} (withdraw it to end it: P in the window, x and its number in the terminal)."},
    "refuse.not_committed": {"ja": "「{action}」は継続中の施策ではありません。", "en": "“{action}” is not a programme in force."},
    "refuse.undo_none": {"ja": "取り消せるものはありません。", "en": "Nothing to undo."},
    "refuse.undo_roll": {"ja": "判定の結果が出た行動は取り消せません。", "en": "A roll, once made, is final: it cannot be undone."},
    "refuse.undo_turn": {"ja": "終わったターンは取り消せません。", "en": "The turn is over: it cannot be undone."},
    "refuse.undo_off": {
        "ja": "このゲームは取り消しの記録を残していません（シミュレーション用）。",
        "en": "This game keeps no undo history (it was started for simulation).",
    },
    "refuse.many": {"ja": "{inner}", "en": "{inner}"},
    "refuse.dice_range": {"ja": "サイコロの目は 1〜100 で入れてください（十面体二個、00 は 100）：{roll}。",
                          "en": "A dice roll is 1–100 (two ten-sided dice, 00 is 100), not {roll}."},
    "refuse.dice_certain": {"ja": "「{item}」は必ず成功するので、サイコロは振りません。",
                            "en": "“{item}” cannot fail, so no dice are rolled for it."},
    "refuse.unknown_choice": {
        "ja": "「{event}」に「{choice}」という選択肢はありません。",
        "en": "“{event}” has no choice called “{choice}”.",
    },
    # why an event fired
    "fired.unexplained": {"ja": "（一括シミュレーションでは理由を記録しません）",
                          "en": "(batch simulations do not record reasons)"},
    "fired.window_one": {"ja": "予定：ターン{turn}", "en": "Scheduled for turn {turn}"},
    "fired.likelier_when": {"ja": "次の場合はさらに起こりやすくなる：{inner}", "en": "It would be likelier when: {inner}"},
    "fired.window": {"ja": "予定：ターン{lo}〜{hi}", "en": "Scheduled for turns {lo}–{hi}"},
    "fired.when": {"ja": "条件：{inner}", "en": "Because: {inner}"},
    "fired.likelier": {"ja": "起こりやすくした要因：{inner}", "en": "Made likelier by: {inner}"},
    "fired.chance": {"ja": "確率 {p}% の判定に当たった", "en": "Came up on a {p}% chance"},
    "fired.follow_up": {"ja": "「{event}」の結果として", "en": "Followed from “{event}”"},
    "fired.dealt": {"ja": "進行役が配った", "en": "Dealt by the facilitator"},
    "fired.always": {"ja": "毎回起こる", "en": "Happens whenever possible"},
    "fired.because": {"ja": "{inner}", "en": "{inner}"},
}
