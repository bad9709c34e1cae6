"""The balance report's own words, in Japanese and English.

The lab's data carries its names (strategies, meters, actions, events) in both languages; these
are the words around them: headings, column titles, notes and the meaning of each flag. They are
kept apart from ``present.strings`` because they are a designer's and a teacher's words about the
game, not the game's words to a player. Every key has both languages with the same placeholders
(tests check), and the Japanese is written for a teacher, not a statistician.
"""

from __future__ import annotations

LANGS = ("ja", "en")
"""The languages every word exists in; the first is the default."""

WORDS: dict[str, dict[str, str]] = {
    # the page
    "page.title": {"ja": "バランス検証レポート: {scenario}", "en": "Balance report: {scenario}"},
    "page.lede": {"ja": "{seeds}個のシードで各戦略を対局させた結果（難易度: {difficulty}）から、バランスの目標を満たしているか、"
                        "どの戦略や行動が強すぎたり弱すぎたりするかをまとめました。",
                  "en": "What games on {seeds} seeds (difficulty: {difficulty}) say about the balance targets, "
                        "and which strategies and actions are too strong or too weak."},
    "page.without": {"ja": "この実行では次の仮定を外しています: {ids}。",
                     "en": "This run switches these assumptions off: {ids}."},
    # the verdict
    "verdict.heading": {"ja": "判定", "en": "Verdict"},
    "verdict.summary": {"ja": "目標{total}件のうち、{passed}件を達成、{failed}件が未達です。",
                        "en": "{passed} of {total} targets met, {failed} missed."},
    "verdict.pass": {"ja": "達成", "en": "Met"},
    "verdict.fail": {"ja": "未達", "en": "Missed"},
    "verdict.unchecked": {"ja": "未確認", "en": "Not checked"},
    "verdict.unchecked_count": {"ja": "ほかに{n}件は、この実行では確認できません。",
                                "en": " {n} more could not be checked in this run."},
    "verdict.measured": {"ja": "測定値: {value}", "en": "Measured: {value}"},
    "verdict.empty": {"ja": "判定した目標はありません。", "en": "No targets were checked."},
    # the strategies
    "players.heading": {"ja": "戦略の比較", "en": "Strategies compared"},
    "players.note": {"ja": "スコアは0〜100で、高いほど良い結果です。[ ]内は95%信頼区間です。"
                           "アドバイザーとの差は同じシードどうしで比べた差で、区間が0をまたがないもの（太字）は偶然では説明しにくい差です。",
                     "en": "Scores run from 0 to 100; higher is better. Brackets give the 95% confidence interval. "
                           "The difference from the advisor compares games on the same seeds; "
                           "an interval that does not include 0 (bold) is unlikely to be chance."},
    "players.best": {"ja": "★ 探索で見つかった最良の戦略", "en": "★ the search's best strategy"},
    "players.baseline": {"ja": "（基準）", "en": "(baseline)"},
    "col.strategy": {"ja": "戦略", "en": "Strategy"},
    "col.games": {"ja": "対局数", "en": "Games"},
    "col.mean": {"ja": "平均スコア [95%信頼区間]", "en": "Mean score [95% CI]"},
    "col.vs_advisor": {"ja": "アドバイザーとの差 [95%信頼区間]", "en": "Difference from the advisor [95% CI]"},
    "col.top": {"ja": "最上位評価の割合", "en": "Top rating"},
    "col.lost": {"ja": "敗北の割合(途中終了か最低評価)", "en": "Lost (ended early or rated lowest)"},
    "kind.strategy": {"ja": "戦略ファイル", "en": "strategy file"},
    "kind.random": {"ja": "ランダム", "en": "random play"},
    "kind.advisor": {"ja": "アドバイザー", "en": "advisor"},
    "kind.search": {"ja": "探索", "en": "search"},
    "kind.own": {"ja": "このシナリオの戦略", "en": "this scenario's"},
    # a strategy's rules, in short lines (the search's best)
    "rule.line": {"ja": "{n}. {what}{limits}", "en": "{n}. {what}{limits}"},
    "rule.per_turn": {"ja": "(1ターンに{n}回まで)", "en": " (at most {n} a turn)"},
    "rule.pick.first": {"ja": "(一覧の先頭から)", "en": " (first listed)"},
    "rule.pick.cheapest": {"ja": "(最も安いもの)", "en": " (cheapest)"},
    "rule.when": {"ja": "(条件つき)", "en": " (when its conditions hold)"},
    "rule.target": {"ja": "{action}({target})", "en": "{action} ({target})"},
    "rule.reserve": {"ja": "外交資本を{n}残す", "en": "keep {n} Diplomatic Capital in reserve"},
    "rule.avoid": {"ja": "とらない行動: {what}", "en": "never: {what}"},
    "rule.crises": {"ja": "危機への対応: {what}", "en": "crises: {what}"},
    "role.alliance": {"ja": "同盟", "en": "alliance"},
    "role.rival": {"ja": "対立する大国への歩み寄り", "en": "the rival"},
    "role.partners": {"ja": "パートナー国との連携", "en": "partners"},
    "role.economic_security": {"ja": "経済安全保障", "en": "economic security"},
    "role.dialogue": {"ja": "対話", "en": "dialogue"},
    "role.multilateral": {"ja": "多国間の枠組み", "en": "multilateral frameworks"},
    "role.military": {"ja": "軍事", "en": "military moves"},
    # the families at their best
    "families.heading": {"ja": "路線ごとの最善", "en": "Each family at its best"},
    "families.note": {"ja": "戦略ファイルは路線の一例にすぎません。探索で、その路線の役割だけを使う最良の戦略を探し、"
                            "探索に使っていないシードで評価しました。路線どうしは、この最善どうしで比べます。",
                      "en": "A strategy file is one example of a family. The search looked for the best strategy using "
                            "only the family's roles, scored on seeds it never saw: families are compared at their best."},
    "col.family": {"ja": "路線(使う役割)", "en": "Family (its roles)"},
    "col.file": {"ja": "戦略ファイル [95%信頼区間]", "en": "The file [95% CI]"},
    "col.family_best": {"ja": "路線の最善 [95%信頼区間]", "en": "Family's best [95% CI]"},
    "col.family_rules": {"ja": "最善の戦略のルール", "en": "The best's rules"},
    # the plots
    "plots.heading": {"ja": "グラフ", "en": "Charts"},
    "plot.score.title": {"ja": "戦略ごとの最終スコア", "en": "Final score by strategy"},
    "plot.score.x": {"ja": "最終スコア（0〜100）", "en": "Final score (0–100)"},
    "plot.score.mean": {"ja": "平均と95%信頼区間", "en": "Mean and 95% CI"},
    "plot.score.sd": {"ja": "平均±標準偏差（よくある対局の幅）", "en": "Mean ± SD (a typical game)"},
    "plot.score.range": {"ja": "最小〜最大", "en": "Lowest to highest"},
    "plot.score.hint": {"ja": "右にあるほど良い結果です。背景の帯と上の名前は評価の区切りを示します。",
                        "en": "further right is better; the shaded bands, named along the top, are the ratings."},
    "plot.ratings.title": {"ja": "戦略ごとの評価の内訳", "en": "Ratings by strategy"},
    "plot.ratings.x": {"ja": "対局の割合（%）", "en": "Share of games (%)"},
    "plot.ratings.hint": {"ja": "左の濃い色ほど良い評価です。数字は対局の割合（%）です。",
                          "en": "darker, further left: better ratings; the numbers are shares of games in %."},
    "plot.meters.title": {"ja": "指標の推移（各ターン終了時の平均）", "en": "Meters turn by turn (mean at the end of each turn)"},
    "plot.meters.x": {"ja": "ターン", "en": "Turn"},
    "plot.meters.y": {"ja": "指標の値", "en": "Value"},
    "plot.meters.others": {"ja": "その他の戦略", "en": "Other strategies"},
    "plot.meters.hint": {"ja": "指標が0になると、その時点で敗北です。"
                                "色の線は主な戦略、灰色の細い線はその他の戦略です。",
                         "en": "a meter at 0 ends the game, lost; coloured lines are the main players, "
                               "thin grey lines the other strategies."},
    "plot.meters.best": {"ja": "{name}（戦略ファイルで最高）", "en": "{name} (best strategy file)"},
    "plot.meters.worst": {"ja": "{name}（戦略ファイルで最低）", "en": "{name} (worst strategy file)"},
    "plot.actions.title": {"ja": "行動の使用回数（1局あたりの平均）", "en": "Actions taken (mean times per game)"},
    "plot.actions.x": {"ja": "戦略", "en": "Strategy"},
    "plot.actions.y": {"ja": "行動", "en": "Action"},
    "plot.actions.scale": {"ja": "1局あたりの回数", "en": "Times per game"},
    "plot.actions.hint": {"ja": "色が濃いほどよく使われた行動です。横線は分野の区切りです。",
                          "en": "darker cells are actions taken more often; the horizontal rules separate the categories."},
    # the actions
    "actions.heading": {"ja": "行動の効果", "en": "What each action is worth"},
    "actions.note": {"ja": "限界効果は、ランダムな手でその行動を使える場合と使えない場合の"
                           "平均スコアの差です（同じシードどうしで比較）。表は限界効果の大きい順です。",
                     "en": "Marginal value: random play's mean score with the action available minus with it forbidden, "
                           "on the same seeds. Sorted by marginal value."},
    "col.action": {"ja": "行動", "en": "Action"},
    "col.category": {"ja": "分野", "en": "Category"},
    "col.cost": {"ja": "費用", "en": "Cost"},
    "col.with": {"ja": "使える場合", "en": "With it"},
    "col.without": {"ja": "使えない場合", "en": "Without it"},
    "col.marginal": {"ja": "限界効果 [95%信頼区間]", "en": "Marginal value [95% CI]"},
    "col.flag": {"ja": "注意", "en": "Flag"},
    "actions.unmeasured": {"ja": "測定なし", "en": "not measured"},
    "flags.heading": {"ja": "注意の意味", "en": "What the flags mean"},
    "flag.dominant": {"ja": "強すぎる", "en": "dominant"},
    "flag.dominant.help": {"ja": "成績上位3つのプレイヤーがどれも毎局使い、下位3つはほとんど使わず、"
                                  "ランダムな手でも使えると平均スコアが確かに上がる(95%区間が0より上)行動です。"
                                  "費用を上げるか効果を弱める候補です。",
                           "en": "Each of the three best players takes it every game, the three worst hardly ever, "
                                 "and random play scores higher with it (95% interval above 0): "
                                 "a candidate for a higher cost or a smaller effect."},
    "flag.never_worth": {"ja": "割に合わない", "en": "never worth taking"},
    "flag.never_worth.help": {"ja": "ランダムな手で使えるようにすると、平均スコアが確かに下がる(95%区間が0より下)行動です。"
                                     "費用が高すぎるか、効果が小さすぎるおそれがあります。",
                              "en": "Random play scores lower when it is available (95% interval below 0): "
                                    "its cost may be too high or its effect too small."},
    "flag.never_taken": {"ja": "一度も使われない", "en": "never taken"},
    "flag.never_taken.help": {"ja": "どの戦略も、どの対局でも一度も選びませんでした。"
                                     "条件が厳しすぎるか、ほかの行動にいつも見劣りしているおそれがあります。",
                              "en": "No strategy took it in any game: its requirements may never be met, "
                                    "or another action always looks better."},
    # what never happens
    "unused.heading": {"ja": "選ばれない選択肢・起きない出来事", "en": "Choices never taken, events that never fire"},
    "choices.heading": {"ja": "一度も選ばれなかった危機の選択肢", "en": "Crisis choices never taken"},
    "choices.note": {"ja": "危機は起きたのに、どの戦略も一度も選ばなかった選択肢です。",
                     "en": "Choices of crises that did happen, which no strategy ever took."},
    "events.heading": {"ja": "一度も起きなかった出来事", "en": "Events that never fire"},
    "events.note": {"ja": "どの対局でも一度も起きなかった出来事です。発生条件を見直す候補です。",
                    "en": "Events that happened in no game at all: check what triggers them."},
    "none": {"ja": "なし", "en": "None"},
    "choice.line": {"ja": "「{event}」→ {choice}", "en": "“{event}” → {choice}"},
    # how games end
    "losses.heading": {"ja": "対局の終わり方", "en": "How games ended"},
    "losses.note": {"ja": "最終ターンより前に終わった対局は敗北です。右側は対局終了時の指標の平均です。",
                    "en": "A game that ends before the last turn is lost. On the right, each meter's mean value "
                          "when the game ended."},
    "col.ending": {"ja": "終わり方（対局数）", "en": "Endings (games)"},
    "col.final_meters": {"ja": "最終的な指標（平均）", "en": "Final meters (mean)"},
    # the search
    "search.heading": {"ja": "戦略の探索", "en": "Strategy search"},
    "search.note": {"ja": "単純なルールの組み合わせを探索用のシードで試し、最も良かったものを、"
                          "探索に使っていないシードで改めて評価しました。",
                    "en": "The search tried combinations of simple rules on its own seeds, then scored the best one again "
                          "on seeds it had never seen."},
    "search.budget": {"ja": "探索の予算", "en": "Budget"},
    "search.games": {"ja": "探索で行った対局数", "en": "Games played"},
    "search.seeds": {"ja": "探索用のシード", "en": "Seeds searched"},
    "search.heldout_seeds": {"ja": "評価用のシード（探索に不使用）", "en": "Held-out seeds"},
    "search.score": {"ja": "探索時のスコア", "en": "Score during the search"},
    "search.heldout": {"ja": "評価用シードでのスコア [95%信頼区間]", "en": "Held-out score [95% CI]"},
    "search.rules": {"ja": "最良の戦略のルール", "en": "The best strategy's rules"},
    "search.yaml": {"ja": "戦略ファイル（YAML）", "en": "Strategy file (YAML)"},
    "search.hint": {"ja": "{command} で再現できます。", "en": "Replay it with {command}."},
    "seed.range": {"ja": "{first}〜{last}（{count}個）", "en": "{first}–{last} ({count})"},
    # the footer
    "footer.scenario": {"ja": "シナリオ: {name}（{id}）", "en": "Scenario: {name} ({id})"},
    "footer.hash": {"ja": "内容ハッシュ: {hash}", "en": "Content hash: {hash}"},
    "footer.seeds": {"ja": "シード: {seeds}、アドバイザーは{advisor}個", "en": "Seeds: {seeds}; the advisor played {advisor}"},
    "footer.difficulty": {"ja": "難易度: {difficulty}", "en": "Difficulty: {difficulty}"},
    "footer.version": {"ja": "Gaikō {version}・データ形式 {format}", "en": "Gaikō {version} · data format {format}"},
}
"""Every label of the balance report: ``key → {"ja": template, "en": template}`` (``str.format`` placeholders)."""


def say(key: str, lang: str, **fields: object) -> str:
    """The template ``key`` in ``lang`` (English if ``lang`` is unknown), filled with ``fields``."""
    entry = WORDS[key]
    return entry.get(lang, entry["en"]).format(**fields)
