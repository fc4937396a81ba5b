"""The message catalogue: every sentence and label a person reads in a report, per language.

A Korean desk shares its reports with readers who do not read English, so each report
says its words through :func:`say` (and verdicts through :func:`verdict_name`) in the
language of the claim file's article, or the one ``--lang`` asks for. Only words live
here: the machine fields (JSON keys, verdict codes, SARIF levels and rule ids, exit
codes, JUnit structure) are the same in every language, so a pipeline reading them
never depends on the desk's language. English is the reference: a key missing in
another language is a bug the catalogue test catches, never a silent fallback.

Templates take their fields through ``str.format``: a field's value is inserted as
text and never read as a template, so a quote holding ``{0}`` stays ``{0}``.
"""
from __future__ import annotations

import re
import unicodedata

from checker.quantities.tables import KO_COUNTERS, KO_DURATIONS

ENGLISH, KOREAN = "en", "ko"
LANGUAGES = (ENGLISH, KOREAN)
#: What ``--lang`` accepts: a language, or ``auto`` for each claim file's article language.
CHOICES = ("auto", *LANGUAGES)

_VERDICTS = {
    ENGLISH: {"supported": "supported", "imprecise": "imprecise", "refuted": "refuted",
              "unverifiable": "unverifiable", "error": "error"},
    KOREAN: {"supported": "사실", "imprecise": "대체로 사실", "refuted": "사실 아님",
             "unverifiable": "판단 유보", "error": "오류"},
}

_MESSAGES: dict[str, dict[str, str]] = {
    ENGLISH: {
        # how a verdict is qualified wherever it is shown
        "by_rounding": " (by rounding)",
        "expected": " (expected {verdict})",
        "expected_line": "expected\n{verdict}",
        # columns of the terminal table and the Markdown tables
        "col.verdict": "verdict", "col.claim": "claim", "col.quote": "quote", "col.claimed_actual": "claimed → actual",
        "col.rule": "rule", "col.source": "source", "col.rule_source": "rule · source", "col.claims": "claims",
        "col.where": "where", "col.explanation": "explanation",
        # totals and coverage
        "totals": "{count} claims: {counts}{late}{errors}",
        "totals.count": "{count} {verdict}",
        "totals.late": "; {count} judged on figures published after the article or at an unknown date",
        "totals.errors": "; {count} input error(s)",
        "coverage": "coverage: {covered} of {total} numbers in the articles have a claim{share}",
        "coverage.share": " ({percent}%)",
        # Markdown
        "md.title": "## claimcheck: {count} claims",
        "md.input_errors": "### Input errors",
        "md.to_look_at": "### Claims to look at",
        "md.supported_folded": "{count} supported claims",
        # HTML
        "html.title": "claimcheck report",
        "html.page_title": "claimcheck: {count} claims",
        "html.count": "{symbol} {verdict}: {count}",
        "html.input_errors": "Input errors",
        "html.claims_file": "claims: {file}",
        "html.article_file": "article: {file}",
        "html.published": "published {date}",
        "html.unplaced": "Claims not found in the article",
        "html.evidence": "Evidence",
        "html.full_evidence": "full evidence ↓",
        "svg.claimed": "claimed {text}: allows {allowed}", "svg.actual": "; actual {value}",
        "svg.series": "{count} daily values {first}..{last}, from {low} to {high}; the claim allows {allowed}",
        "html.published_row": "published", "html.checked_row": "checked", "html.steps_row": "steps",
        "html.sources_row": "sources", "html.revised_row": "revised", "html.note_row": "note",
        "html.tables_row": "tables", "explain.table": "table",
        "check_code.reference": "reference", "check_code.internal": "internal", "check_code.mixed": "mixed",
        # CI formats
        "note": "Note: {text}.",
        "mismatch.junit": "expected {expected}, got {verdict}: {text}",
        "mismatch.sarif": "Expected {expected}, got {verdict}. {text}",
        "annotation.title": "{verdict} {id}",
        "annotation.invalid_input": "claimcheck: invalid input",
        "sarif.supported": "The evidence supports the claim.",
        "sarif.imprecise": "The claim misses its rule but lies within the imprecise band.",
        "sarif.refuted": "The evidence refutes the claim.",
        "sarif.unverifiable": "No reference data or relation can decide the claim.",
        "sarif.error": "The claim is invalid: unknown metric, bad period, unit mismatch or a quote not in the article.",
        "sarif.invalid-input": "A claim file or reference file cannot be read or does not follow the schema.",
        # ClaimReview's alternateName
        "rating.supported": "True", "rating.imprecise": "Mostly true", "rating.refuted": "False",
        "rating.unverifiable": "Unverifiable",
        # explain
        "explain.claim": "claim", "explain.quote": "quote", "explain.verdict": "verdict", "explain.ruling": "ruling",
        "explain.checked": "checked", "explain.claimed": "claimed", "explain.actual": "actual", "explain.rule": "rule",
        "explain.allowed": "allowed", "explain.imprecise": "imprecise", "explain.series": "series",
        "explain.published": "published", "explain.vintage": "vintage", "explain.note": "note",
        "explain.because": "because",
        "explain.steps": "operands and reference rows:", "explain.sources": "sources:",
        "explain.claimed_value": "{text} = {amount} ({qualifier}), digits stand for [{low}, {high}]",
        "explain.actual_value": "{amount}, interval [{low}, {high}]",
        "explain.series_value": "{count} daily values {first}..{last}, from {low} to {high}",
        "explain.vintage_changes": "used {used_vintage}: {used_value}; newest {vintage}: {value}, which would change "
                                   "the verdict to {verdict}",
        "explain.vintage_keeps": "used {used_vintage}: {used_value}; newest {vintage}: {value}, which keeps the "
                                 "verdict {verdict}",
        # the explanation sentences (checker.evaluation.verdict_text)
        "check.reference": "against reference data",
        "check.internal": "against the article's own numbers",
        "check.mixed": "against the article's numbers and reference data",
        "why.checked": "Checked {check}: {description} = {interval}{unit}.",
        "why.allows": "The claim '{text}' ({qualifier}) allows {rule}{unit}.",
        "why.by_rounding": "The point values miss, but the intervals meet: supported by rounding.",
        "why.supported": "The evidence falls inside: supported.",
        "why.imprecise": "Outside the rule but within the imprecise band {band}: imprecise.",
        "why.refuted": "Outside even the imprecise band {band}: refuted.",
        "why.unstated_sign": "{description} = {actual}{unit}, below zero (a deficit, a loss), and the value '{text}' "
                             "gives its size but not its side: write the side in the value (a deficit of …, -…) to "
                             "have it judged",
        "why.would_make": "which would make the claim {verdict}",
        "why.would_keep": "and the claim would still be {verdict}",
        "why.revised": "Revised: this used the vintage of {used_vintage} ({used_value}); the figure published later "
                       "({vintage}) is {value}, {outcome}.",
        "why.restated": "Restated: {used_filing} filed {used_vintage} gives {used_value} (used: {seen}); {filing} "
                        "filed {vintage} gives {value}, {outcome}.",
        "why.seen.True": "the filing the article could have seen",
        "why.seen.False": "the first filing, made after the article; none was public on its date",
        "why.seen.None": "the first filing",
        "why.revised_operands": "Revised operands: {operands}.",
        "why.per_unit_carried": "read per {per}: the quote writes the per-unit word once for both",
        "why.no_link": "no metric or relation links this claim to evidence yet",
        # a rank across entities (checker.evaluation.relations.rank_among)
        "among.ranked": "Ranked {subject} {period} = {value} {unit} among the {count} members of {group} "
                        "({order}): {reason}",
        "among.listed": "the group the claim lists",
        "among.joined": "{group} together with {subject}",
        "among.order.highest": "highest first", "among.order.lowest": "lowest first",
        "among.place": "place {place}", "among.place.last": "last place",
        "among.holds": "it holds {place}, as the claim says.",
        "among.holds_tied": "it holds {place}, tied with {tied}; a tie holds the place (ties: shared).",
        "among.tied_alone": "it shares {place} with {tied}, and the claim counts a tie as not holding it "
                            "(ties: alone).",
        "among.other": "it holds place {actual}, not {place}; ahead of it: {ahead}.",
        "among.not_last": "it holds place {actual} of {total}, not last; below it: {behind}.",
        "among.none": "none",
        "among.missing": "{count} of the {total} members of {group} have no {metric} row for {period}: {missing}; "
                         "a rank among the group needs every member's figure.",
        "why.begins_after": " Note: {period} begins after the article's publication date ({published}), so the "
                             "article stated a forecast, a plan or a figure so far, not a final figure it could know.",
        "why.not_ended": " Note: {period} had not ended by the article's publication date ({published}), so the "
                         "article stated a forecast, a plan or a figure so far, not a final figure it could know.",
        # the rules of DESIGN's qualifier table (checker.evaluation.rules): a the actual, v the claimed value
        "rule.within": "|a − v| ≤ {figure}",
        "rule.nearly": "v − {figure} ≤ a ≤ v (nearly)",
        "rule.nearly_falling": "v ≤ a ≤ v + {figure} (nearly, falling)",
        "rule.more_than": "a > v", "rule.less_than": "a < v",
        "rule.at_least": "a ≥ v − {figure}", "rule.at_most": "a ≤ v + {figure}",
        "rule.decade": "v ≤ a < v + 10^k (decade)",
        "rule.decade_slack": "v − {figure} ≤ a < v + 10^k + {figure} (decade)",
        "rule.range": "low − {figure} ≤ a ≤ high + {figure}",
        "rule.positive": "; a > 0", "rule.negative": "; a < 0",
        "rule.sizes": " on the sizes |a| and |v|",
        # qualifiers as the rule names them
        "qualifier.share": "{qualifier} ±{percent}%",
        # when the evidence was published (checker.evaluation.timing)
        "timing.made.article": "the article", "timing.made.as_of": "the claim's as_of date",
        "timing.how.vintage": "published", "timing.how.retrieved": "retrieved",
        "timing.before": "figures {how} {day}, on or before {made} ({article})",
        "timing.undated_article": "the article has no publication date, so whether these figures were revised after "
                                  "it is unknown; give the article's published: date",
        "timing.unknown": "against figures of unknown publication date (no vintage or retrieved date in the "
                          "reference file), possibly revised after {made} ({article}); the first release may have "
                          "differed",
        "timing.after": "against figures {how} {day}, after {made} ({article}); the first release may have differed",
        "timing.mark.after": "figures of {day}, after {made}",
        "timing.mark.unknown": "figures of unknown date",
        # what a computed figure is (checker.evaluation.relations, checker.evaluation.operands): its description
        # names the operands, its steps the rows and numbers behind them, for explain and every report
        "figure.time": "time from {first} to {second}",
        "figure.change": "change from {start} to {end}",
        "figure.share": "{part} as a share of {whole}",
        "figure.cagr": "compound rate per period from {start} to {end} over {n} periods",
        "figure.average_change": "average change per period from {start} to {end} over {n} periods",
        "figure.expr": "{expr} with {operands}",
        "figure.evidence_of": "the evidence of {claim}",
        "figure.lookup": "{metric} {period}",
        "figure.lookup_agg": "{metric} {period} ({agg})",
        "agg.last": "last", "agg.first": "first", "agg.min": "min", "agg.max": "max", "agg.mean": "mean",
        "agg.sum": "sum", "agg.any": "any",
        "step.as_stated": "{description} as stated: {value}",
        "step.event": "event {name} on {day} (source: {source})",
        "step.evidence_of": "{description}: {value}",
        "step.row": "{row} → {value} {unit} {rounding}",
        "step.row_sources": "{row} → {value} {unit} {rounding} (source: {sources})",
        "step.as_published": "as published, compared as a point",
        "step.revision": "{metric} {period} was revised: {used} {unit} in the vintage of {vintage} used, {newest} "
                         "{unit} in the newest ({newest_vintage})",
        "source.article": "article: {where}",
        "source.the_article": "the article",
        "explain.expect": "expect: {verdict}",
        # why a claim is unverifiable (checker.reference.store's NoData, checker.evaluation.operands)
        "nodata.rows": "no data for {metric} in {period} (rows cover {first}..{last})",
        "nodata.inside": "no data for {metric} in {period} (rows cover {first}..{last}; {period} lies inside the row "
                         "for {row})",
        "nodata.nearest": "no data for {metric} in {period} (rows cover {first}..{last}; nearest rows {before} and "
                          "{after})",
        "nodata.count": "{metric}: data for {period} have {present} of its {expected} {granularity}s, so its {agg} "
                        "over {period} is unknown",
        "nodata.ends": "{metric}: data for {period} end on {day}, so its {agg} over {period} is unknown",
        "nodata.starts": "{metric}: data for {period} start on {day}, so its {agg} over {period} is unknown",
        "nodata.finer": "no data for {metric} over the whole of {period}: the rows inside it ({held}) cover "
                        "{first}..{last} only, so no figure for {period} is in the data (a later release or filing "
                        "may give it)",
        "granularity.month": "month", "granularity.quarter": "quarter", "granularity.half": "half",
        "granularity.year": "year",
        # the reference rows behind a looked-up figure (checker.reference.aggregate, checker.reference.store)
        "row.on": "{name} on {label}: {value}", "row.in": "{name} in {label}: {value}",
        "row.pick_on": "{agg} {name} of {period}: {value} on {label}",
        "row.pick_in": "{agg} {name} of {period}: {value} in {label}",
        "row.mean": "mean {name} of {period}: {value} over {count} rows, {first}..{last}",
        "row.sum": "sum {name} of {period}: {value} over {count} rows, {first}..{last}",
        "row.vintage": "{row} (vintage {vintage})",
        "row.vintage_after": "{row} (vintage {vintage}, published after {cutoff})",
        "operand.no_evidence": "operand '{claim}' has no evidence of its own to use",
        "operand.no_value": "operand '{claim}' states no value",
        # how check reads the claimed value against the evidence (checker.evaluation.claimed)
        "fitted.change": "{description} − 1 (the change it implies)",
        "fitted.level": "1 + ({description}) / 100 (the level it reaches)",
        "note.per_one": "'{text}' against {unit} is read as {amount} per one {one}.",
        "note.annual": "'{text}' is read as an annual rate.",
        "note.wrong_direction": "Wrong direction: {claimed}? {actual}.",
        "note.other_way": "The evidence moved the other way ({value}): if the article says it fell, write the value "
                          "with its verb ('7.4% 감소했다', 'fell 7.4%').",
        "move.rose": "it rose {size}", "move.fell": "it fell {size}",
        "move.surplus": "a surplus of {size}", "move.deficit": "a deficit of {size}",
        # the ranking of a record or streak (checker.evaluation.relations.extreme); word, er and est are
        # the extreme's words (high, higher, highest), rank.*.max and rank.*.min
        "rank.word.max": "high", "rank.word.min": "low", "rank.er.max": "higher", "rank.er.min": "lower",
        "rank.est.max": "highest", "rank.est.min": "lowest",
        "rank.ranked": "Ranked {shown} against the {count} earlier rows from {first}: {reason}",
        "rank.step": "{row} {period} = {value} {unit} (source: {source})",
        "rank.no_row_before": "the series has no row before {period} to beat.",
        "rank.no_record": "{row} was as {word} or {er}: no record.",
        "rank.record_start_unknown": "no earlier row is as {word}, but a record needs the whole series: the data "
                                     "start {first}; the series' start is unknown (set complete: true or since: on "
                                     "the reference entry).",
        "rank.record_short": "no earlier row is as {word}, but a record needs the whole series: the data start "
                             "{first}; the series began {day} ({basis}).",
        "rank.record": "no earlier row is as {word}: a record since the series began in {first} ({basis}).",
        "rank.since_starts_after": "the series starts in {first}, after {year}.",
        "rank.since_record_within": "no earlier row is as {word}: a record within data from {first}, not just "
                                    "since {year}.",
        "rank.since_longer": "the {est} since {row}, longer than since {year}.",
        "rank.since_refuted": "{row} was as {word} or {er}, after {year}.",
        "rank.since_supported": "the {est} since {row}, the last row as {word}.",
        "rank.since_tie_starts_after": "it matches {row}, and the series starts in {first}, after {year}.",
        "rank.since_tie_within": "it matches {row}; no earlier row is {er} within data from {first}: the {est} "
                                 "since {year}.",
        "rank.since_tie_refuted": "it matches {row}, but {beyond} was {er}, after {year}.",
        "rank.since_tie_supported": "it matches {row}; the last row {er} was {beyond}: the {est} since {year}, as "
                                    "the words say.",
        "rank.span_starts_short": "the series starts in {first}, less than {span} back.",
        "rank.span_record_within": "no earlier row is as {word}: a record within data from {first}, longer than "
                                   "{span}.",
        "rank.span_last": "{row}, {gap} back, was the last row as {word}",
        "rank.span_longer": "{said}: a streak longer than {span}.",
        "rank.span_shorter": "{said}: a streak shorter than {span}.",
        "rank.span_ends": "{said}: the streak ends {span} back, as the words say.",
        "rank.tie_matches": "it matches {row}, {gap} back",
        "rank.tie_starts_short": "{matches}, and no earlier row is {er}, but the series starts in {first}, less "
                                 "than {span} back.",
        "rank.tie_within": "{matches}; no earlier row is {er} within data from {first}: the {est} in {span}.",
        "rank.tie_beyond": "{matches}; {beyond}, {reach} back, was the last row {er}",
        "rank.tie_supported": "{said}: the {est} in {span}, as the words say.",
        "rank.start_unknown": "{metric}: the series' start is unknown (no complete: or since: on its reference entry)",
        "rank.began": "{metric} began {day} ({basis})",
        "span.year": "{count} year", "span.years": "{count} years", "span.month": "{count} month",
        "span.months": "{count} months",
        # an unknown key in a claim (checker.reference.model.UnknownKey) and its did-you-mean (checker.suggest)
        "unknown.metric": "unknown metric {name}{hint}",
        "unknown.event": "unknown event {name}{hint}",
        "hint.one": " (did you mean {series}?)",
        "hint.several": " (did you mean one of {keys}{differ}?)",
        "hint.names_differ": "; their names differ",
        "hint.more": " and {count} more as close",
        # what a claim's row says when its quote or value does not fit the article (checker.errors.InputError.said)
        "quote.not_sought": "quote not found in {article} (nearest passage not sought after {misses} misses)",
        "quote.no_passage": "quote not found in {article}; no similar passage",
        "quote.nearest": "quote not found in {article}; nearest passage (line {line}): '{passage}'",
        "stated.none": "value '{value}' is not what the quote states (it states no quantity claimcheck reads; quote "
                       "the words that state the value)",
        "stated.other": "value '{value}' is not what the quote states ({stated})",
        "value.unread": "cannot read '{value}' as a quantity",
        # units a claim and its evidence cannot compare (checker.evaluation.units)
        "mismatch.units": "unit mismatch: the claim is in {target}, the evidence in {source}",
        "mismatch.convert": "; state the conversion with relation: convert and a {target}/{source} rate",
        "mismatch.points": "; percentage points are a difference of two rates (relation: difference of two % figures), "
                           "never a percent change or a ratio (a series published in points takes unit: pp)",
        # extract, on an article that gives no date
        "extract.undated": "{file}: warning: no publication date (front matter, dateline or byline), so {count} "
                           "number(s) dated relative to now (last year, last month, a year ago …) have no period; "
                           "give --published YYYY-MM-DD",
    },
    KOREAN: {
        "by_rounding": " (반올림 기준)",
        "expected": " (기록된 판정: {verdict})",
        "expected_line": "기록된 판정\n{verdict}",
        "col.verdict": "판정", "col.claim": "주장", "col.quote": "인용", "col.claimed_actual": "주장 → 실제",
        "col.rule": "기준", "col.source": "출처", "col.rule_source": "기준 · 출처", "col.claims": "주장 수",
        "col.where": "위치", "col.explanation": "설명",
        "totals": "주장 {count}건: {counts}{late}{errors}",
        "totals.count": "{verdict} {count}",
        "totals.late": "; 기사 이후 또는 날짜를 알 수 없는 때 공표된 수치로 판정한 것 {count}건",
        "totals.errors": "; 입력 오류 {count}건",
        "coverage": "검증 범위: 기사 속 숫자 {total}개 중 {covered}개에 주장이 있음{share}",
        "coverage.share": " ({percent}%)",
        "md.title": "## claimcheck: 주장 {count}건",
        "md.input_errors": "### 입력 오류",
        "md.to_look_at": "### 살펴볼 주장",
        "md.supported_folded": "사실로 확인된 주장 {count}건",
        "html.title": "claimcheck 검증 보고서",
        "html.page_title": "claimcheck: 주장 {count}건",
        "html.count": "{symbol} {verdict}: {count}",
        "html.input_errors": "입력 오류",
        "html.claims_file": "주장 파일: {file}",
        "html.article_file": "기사: {file}",
        "html.published": "보도 {date}",
        "html.unplaced": "기사에서 찾지 못한 주장",
        "html.evidence": "근거",
        "html.full_evidence": "근거 전체 보기 ↓",
        "svg.claimed": "주장 {text}: 허용 범위 {allowed}", "svg.actual": "; 실제 {value}",
        "svg.series": "일별 값 {count}개 {first}..{last}, 최저 {low} 최고 {high}; 주장의 허용 범위 {allowed}",
        "html.published_row": "공표 시점", "html.checked_row": "검증 대상", "html.steps_row": "계산 과정",
        "html.sources_row": "출처", "html.revised_row": "수정", "html.note_row": "메모",
        "html.tables_row": "원자료 표", "explain.table": "원자료",
        "check_code.reference": "참조 데이터", "check_code.internal": "기사 속 숫자",
        "check_code.mixed": "기사 속 숫자와 참조 데이터",
        "note": "참고: {text}.",
        "mismatch.junit": "기록된 판정은 {expected}, 실제 판정은 {verdict}: {text}",
        "mismatch.sarif": "기록된 판정은 {expected}, 실제 판정은 {verdict}. {text}",
        "annotation.title": "{verdict} {id}",
        "annotation.invalid_input": "claimcheck: 잘못된 입력",
        "sarif.supported": "근거가 주장을 뒷받침한다.",
        "sarif.imprecise": "주장이 기준을 벗어나지만 부정확 허용 범위 안에 있다.",
        "sarif.refuted": "근거가 주장을 반박한다.",
        "sarif.unverifiable": "주장을 판단할 참조 데이터나 관계식이 없다.",
        "sarif.error": "주장이 잘못되었다: 알 수 없는 지표, 잘못된 기간, 단위 불일치 또는 기사에 없는 인용.",
        "sarif.invalid-input": "주장 파일이나 참조 파일을 읽을 수 없거나 형식에 맞지 않는다.",
        "rating.supported": "사실", "rating.imprecise": "대체로 사실", "rating.refuted": "사실 아님",
        "rating.unverifiable": "판단 유보",
        "explain.claim": "주장", "explain.quote": "인용", "explain.verdict": "판정", "explain.ruling": "기록",
        "explain.checked": "검증", "explain.claimed": "주장 값", "explain.actual": "실제 값", "explain.rule": "기준",
        "explain.allowed": "허용", "explain.imprecise": "부정확", "explain.series": "계열",
        "explain.published": "공표", "explain.vintage": "판본", "explain.note": "메모",
        "explain.because": "근거",
        "explain.steps": "피연산자와 참조 데이터 행:", "explain.sources": "출처:",
        "explain.claimed_value": "{text} = {amount} ({qualifier}), 숫자가 뜻하는 범위 [{low}, {high}]",
        "explain.actual_value": "{amount}, 구간 [{low}, {high}]",
        "explain.series_value": "일별 값 {count}개 {first}..{last}, 최저 {low} 최고 {high}",
        "explain.vintage_changes": "사용한 판본 {used_vintage}: {used_value}; 최신 판본 {vintage}: {value}, 판정이 "
                                   "{verdict}(으)로 바뀜",
        "explain.vintage_keeps": "사용한 판본 {used_vintage}: {used_value}; 최신 판본 {vintage}: {value}, 판정은 "
                                 "그대로 {verdict}",
        "check.reference": "참조 데이터와 대조",
        "check.internal": "기사 속 숫자끼리 대조",
        "check.mixed": "기사 속 숫자와 참조 데이터를 함께 대조",
        "why.checked": "{check}: {description} = {interval}{unit}.",
        "why.allows": "주장 '{text}'({qualifier})의 허용 범위는 {rule}{unit}.",
        "why.by_rounding": "값 자체는 어긋나지만 반올림 구간이 겹친다: 반올림 기준 사실.",
        "why.unstated_sign": "{description} = {actual}{unit}(0보다 작음: 적자·손실)인데 값 '{text}'는 크기만 말하고 "
                             "흑자인지 적자인지 말하지 않는다: 판정하려면 값에 그 쪽을 쓴다(… 적자, -…)",
        "why.supported": "근거가 허용 범위 안에 있다: 사실.",
        "why.imprecise": "기준은 벗어났지만 부정확 허용 범위 {band} 안에 있다: 대체로 사실.",
        "why.refuted": "부정확 허용 범위 {band}마저 벗어났다: 사실 아님.",
        "why.would_make": "이 값이면 판정은 {verdict}",
        "why.would_keep": "이 값으로도 판정은 그대로 {verdict}",
        "why.revised": "수정: {used_vintage} 판본 값({used_value})을 사용했다. 나중에 공표된 값({vintage})은 {value}, "
                       "{outcome}.",
        "why.restated": "정정: {used_vintage}에 제출된 {used_filing}의 값은 {used_value}(사용: {seen}), "
                        "{vintage}에 제출된 {filing}의 값은 {value}, {outcome}.",
        "why.seen.True": "기사 작성 시점에 볼 수 있었던 공시",
        "why.seen.False": "기사 이후에 나온 첫 공시, 기사 날짜에는 공개된 공시가 없었다",
        "why.seen.None": "첫 공시",
        "why.revised_operands": "수정된 피연산자: {operands}.",
        "why.per_unit_carried": "{per}당 값으로 읽음: 인용문이 단위당 표현을 한 번만 써서 두 값에 함께 적용",
        "why.no_link": "이 주장을 근거와 잇는 metric이나 relation이 아직 없다",
        # a rank across entities (checker.evaluation.relations.rank_among)
        "among.ranked": "{group} {count}개 구성원 중 {subject} {period} = {value} {unit}의 순위({order}): {reason}",
        "among.listed": "주장에 적힌 그룹",
        "among.joined": "{group} 및 {subject}",
        "among.order.highest": "높은 순", "among.order.lowest": "낮은 순",
        "among.place": "{place}위", "among.place.last": "최하위",
        "among.holds": "주장대로 {place}다.",
        "among.holds_tied": "{tied}와(과) 공동 {place}이고, 공동 순위도 그 순위로 본다(ties: shared).",
        "among.tied_alone": "{tied}와(과) 공동 {place}이고, 주장은 공동 순위를 그 순위로 보지 않는다(ties: alone).",
        "among.other": "{place}가 아니라 {actual}위다. 앞선 구성원: {ahead}.",
        "among.not_last": "{total}개 중 {actual}위로 최하위가 아니다. 아래 구성원: {behind}.",
        "among.none": "없음",
        "among.missing": "{group} {total}개 구성원 중 {count}개에 {period} {metric} 값이 없다: {missing}. 그룹 안의 "
                         "순위는 모든 구성원의 수치가 있어야 판단할 수 있다.",
        "why.begins_after": " 참고: {period}은(는) 기사 보도일({published}) 이후에 시작하므로, 기사가 말한 것은 "
                             "확정치가 아니라 전망이나 계획, 또는 그때까지의 수치다.",
        "why.not_ended": " 참고: {period}은(는) 기사 보도일({published})에 아직 끝나지 않았으므로, 기사가 말한 것은 "
                         "확정치가 아니라 전망이나 계획, 또는 그때까지의 수치다.",
        "rule.within": "|a − v| ≤ {figure}",
        "rule.nearly": "v − {figure} ≤ a ≤ v (거의)",
        "rule.nearly_falling": "v ≤ a ≤ v + {figure} (거의, 하락)",
        "rule.more_than": "a > v", "rule.less_than": "a < v",
        "rule.at_least": "a ≥ v − {figure}", "rule.at_most": "a ≤ v + {figure}",
        "rule.decade": "v ≤ a < v + 10^k (자릿수)",
        "rule.decade_slack": "v − {figure} ≤ a < v + 10^k + {figure} (자릿수)",
        "rule.range": "하한 − {figure} ≤ a ≤ 상한 + {figure}",
        "rule.positive": "; a > 0", "rule.negative": "; a < 0",
        "rule.sizes": " (크기 |a|와 |v| 기준)",
        "qualifier.share": "{qualifier} ±{percent}%",
        "timing.made.article": "기사", "timing.made.as_of": "주장의 as_of 날짜",
        "timing.how.vintage": "공표", "timing.how.retrieved": "내려받음",
        "timing.before": "{day} {how}된 수치, {made}({article}) 당일 또는 이전",
        "timing.undated_article": "기사에 보도일이 없어 이 수치가 기사 이후 수정되었는지 알 수 없다; 기사의 "
                                  "published: 날짜를 적을 것",
        "timing.unknown": "공표일을 알 수 없는 수치(참조 파일에 판본이나 내려받은 날짜가 없음)로 판정, {made}"
                          "({article}) 이후 수정되었을 수 있고 첫 발표 값은 달랐을 수 있다",
        "timing.after": "{made}({article}) 이후인 {day}에 {how}된 수치로 판정, 첫 발표 값은 달랐을 수 있다",
        "timing.mark.after": "{made} 이후인 {day}의 수치",
        "timing.mark.unknown": "날짜를 알 수 없는 수치",
        "figure.time": "{first}부터 {second}까지의 기간",
        "figure.change": "{start} 대비 {end}의 변화율",
        "figure.share": "{whole} 중 {part}의 비중",
        "figure.cagr": "{start}부터 {end}까지 {n}기간의 기간당 복리 증가율",
        "figure.average_change": "{start}부터 {end}까지 {n}기간의 기간당 평균 변화",
        "figure.expr": "{expr}, 단 {operands}",
        "figure.evidence_of": "{claim}의 근거",
        "figure.lookup": "{metric} {period}",
        "figure.lookup_agg": "{metric} {period} {agg}",
        "agg.last": "마지막 값", "agg.first": "첫 값", "agg.min": "최저", "agg.max": "최고", "agg.mean": "평균",
        "agg.sum": "합계", "agg.any": "각 값",
        "step.as_stated": "{description} 기사에 적힌 값: {value}",
        "step.event": "사건 {name}: {day} (출처: {source})",
        "step.evidence_of": "{description}: {value}",
        "step.row": "{row} → {value} {unit} {rounding}",
        "step.row_sources": "{row} → {value} {unit} {rounding} (출처: {sources})",
        "step.as_published": "공표된 값 그대로 한 점으로 비교",
        "step.revision": "{metric} {period} 수정됨: 사용한 {vintage} 판본 {used} {unit}, 최신 판본({newest_vintage}) "
                         "{newest} {unit}",
        "source.article": "기사: {where}",
        "source.the_article": "기사",
        "explain.expect": "{verdict}",
        "nodata.rows": "{metric}의 {period} 데이터가 없다 (데이터 범위 {first}..{last})",
        "nodata.inside": "{metric}의 {period} 데이터가 없다 (데이터 범위 {first}..{last}; {period}은(는) {row} 행 "
                         "안에 있다)",
        "nodata.nearest": "{metric}의 {period} 데이터가 없다 (데이터 범위 {first}..{last}; 가장 가까운 행은 {before}, "
                          "{after})",
        "nodata.count": "{metric}: {period} 데이터는 {expected}개 {granularity} 중 {present}개뿐이라 {period} {agg}은(는) "
                        "알 수 없다",
        "nodata.ends": "{metric}: {period} 데이터가 {day}에 끝나 {period} {agg}은(는) 알 수 없다",
        "nodata.starts": "{metric}: {period} 데이터가 {day}에 시작해 {period} {agg}은(는) 알 수 없다",
        "nodata.finer": "{metric}의 {period} 전체 데이터가 없다: 그 안의 행({held})은 {first}..{last}만 덮어 "
                        "{period} 수치는 데이터에 없다 (이후 공표나 공시에 나올 수 있다)",
        "granularity.month": "월", "granularity.quarter": "분기", "granularity.half": "반기",
        "granularity.year": "연도",
        "row.on": "{name} {label}: {value}", "row.in": "{name} {label}: {value}",
        "row.pick_on": "{name} {period} {agg}: {value} ({label})",
        "row.pick_in": "{name} {period} {agg}: {value} ({label})",
        "row.mean": "{name} {period} 평균: {value} ({count}개 행, {first}..{last})",
        "row.sum": "{name} {period} 합계: {value} ({count}개 행, {first}..{last})",
        "row.vintage": "{row} ({vintage} 판본)",
        "row.vintage_after": "{row} ({vintage} 판본, {cutoff} 이후 공표)",
        "operand.no_evidence": "피연산자 '{claim}'에는 쓸 수 있는 자체 근거가 없다",
        "operand.no_value": "피연산자 '{claim}'에는 값이 없다",
        "fitted.change": "{description} − 1 (이 값이 뜻하는 변화)",
        "fitted.level": "1 + ({description}) / 100 (도달한 수준)",
        "note.per_one": "'{text}'은(는) {unit}에 맞춰 1{one}당 {amount}(으)로 읽었다.",
        "note.annual": "'{text}'은(는) 연율로 읽었다.",
        "note.wrong_direction": "방향이 반대다: {claimed}? {actual}.",
        "note.other_way": "근거는 반대 방향으로 움직였다({value}): 기사가 줄었다고 말한다면 값을 동사와 함께 적을 것 "
                          "('7.4% 감소했다', 'fell 7.4%').",
        "move.rose": "{size} 증가", "move.fell": "{size} 감소",
        "move.surplus": "{size} 흑자", "move.deficit": "{size} 적자",
        "rank.word.max": "높", "rank.word.min": "낮", "rank.er.max": "더 높", "rank.er.min": "더 낮",
        "rank.est.max": "최고", "rank.est.min": "최저",
        "rank.ranked": "{shown}: {first}부터의 이전 행 {count}개와 비교해 순위를 매겼다: {reason}",
        "rank.step": "{row} {period} = {value} {unit} (출처: {source})",
        "rank.no_row_before": "계열에 {period} 이전의 비교할 행이 없다.",
        "rank.no_record": "{row}도 이만큼 {word}거나 {er}았다: 기록이 아니다.",
        "rank.record_start_unknown": "이만큼 {word}은 이전 행은 없지만, 기록이라면 계열 전체가 필요하다: 데이터는 "
                                     "{first}부터다; 계열의 시작을 알 수 없다(참조 항목에 complete: true나 since:를 "
                                     "적을 것).",
        "rank.record_short": "이만큼 {word}은 이전 행은 없지만, 기록이라면 계열 전체가 필요하다: 데이터는 {first}"
                             "부터다; 계열은 {day}에 시작했다({basis}).",
        "rank.record": "이만큼 {word}은 이전 행이 없다: 계열이 시작한 {first} 이래 기록이다({basis}).",
        "rank.since_starts_after": "계열이 {year}년보다 뒤인 {first}에 시작한다.",
        "rank.since_record_within": "이만큼 {word}은 이전 행이 없다: {year}년 이후만이 아니라 {first}부터의 데이터 "
                                    "전체에서 기록이다.",
        "rank.since_longer": "{row} 이후 {est}로, {year}년 이후보다 길다.",
        "rank.since_refuted": "{year}년 이후인 {row}도 이만큼 {word}거나 {er}았다.",
        "rank.since_supported": "{row} 이후 {est}: 이만큼 {word}은 마지막 행이 {row}이다.",
        "rank.since_tie_starts_after": "{row}와 같고, 계열이 {year}년보다 뒤인 {first}에 시작한다.",
        "rank.since_tie_within": "{row}와 같고, {first}부터의 데이터에 {er}은 이전 행이 없다: {year}년 이후 {est}.",
        "rank.since_tie_refuted": "{row}와 같지만, {year}년 이후인 {beyond}이(가) {er}았다.",
        "rank.since_tie_supported": "{row}와 같고, {er}은 마지막 행은 {beyond}: 말 그대로 {year}년 이후 {est}.",
        "rank.span_starts_short": "계열이 {first}에 시작해 {span} 전까지 닿지 않는다.",
        "rank.span_record_within": "이만큼 {word}은 이전 행이 없다: {first}부터의 데이터에서 기록으로, {span}보다 "
                                   "길다.",
        "rank.span_last": "{gap} 전인 {row}이(가) 이만큼 {word}은 마지막 행",
        "rank.span_longer": "{said}: {span}보다 긴 기간이다.",
        "rank.span_shorter": "{said}: {span}보다 짧은 기간이다.",
        "rank.span_ends": "{said}: 말 그대로 {span} 전에 끊긴다.",
        "rank.tie_matches": "{gap} 전인 {row}와 같다",
        "rank.tie_starts_short": "{matches}; {er}은 이전 행은 없지만 계열이 {first}에 시작해 {span} 전까지 닿지 "
                                 "않는다.",
        "rank.tie_within": "{matches}; {first}부터의 데이터에 {er}은 이전 행이 없다: {span} 만에 {est}.",
        "rank.tie_beyond": "{matches}; {reach} 전인 {beyond}이(가) {er}은 마지막 행",
        "rank.tie_supported": "{said}: 말 그대로 {span} 만에 {est}.",
        "rank.start_unknown": "{metric}: 계열의 시작을 알 수 없다(참조 항목에 complete:나 since:가 없음)",
        "rank.began": "{metric}: {day}에 시작({basis})",
        "span.year": "{count}년", "span.years": "{count}년", "span.month": "{count}개월", "span.months": "{count}개월",
        "unknown.metric": "참조 데이터에 없는 지표 {name}{hint}",
        "unknown.event": "참조 데이터에 없는 사건 {name}{hint}",
        "hint.one": " ({series}을(를) 뜻했나?)",
        "hint.several": " (다음 중 하나를 뜻했나? {keys}{differ})",
        "hint.names_differ": "; 이름이 서로 다르다",
        "hint.more": " 외 똑같이 가까운 {count}개",
        "quote.not_sought": "{article}에서 인용문을 찾지 못했다 (찾지 못한 인용문이 {misses}개를 넘어 가장 비슷한 대목은 "
                            "찾지 않았다)",
        "quote.no_passage": "{article}에서 인용문을 찾지 못했다; 비슷한 대목도 없다",
        "quote.nearest": "{article}에서 인용문을 찾지 못했다; 가장 비슷한 대목({line}번째 줄): '{passage}'",
        "stated.none": "값 '{value}'은(는) 인용문이 말하는 수치가 아니다 (인용문에서 claimcheck가 읽는 수치가 없다; 값을 "
                       "말하는 부분을 인용할 것)",
        "stated.other": "값 '{value}'은(는) 인용문이 말하는 수치가 아니다 (인용문의 수치: {stated})",
        "value.unread": "'{value}'을(를) 수치로 읽을 수 없다",
        "mismatch.units": "단위 불일치: 주장은 {target}, 근거는 {source} 단위다",
        "mismatch.convert": "; relation: convert와 {target}/{source} 환율로 환산을 적을 것",
        "mismatch.points": "; %p는 두 비율의 차이(relation: difference로 두 % 수치의 차)이지 변화율이나 비율이 아니다"
                           "(포인트로 공표된 계열은 unit: pp)",
        "extract.undated": "{file}: 경고: 발행일이 없어(머리말, 기사 첫머리, 바이라인) 지난해, 지난달, 1년 전처럼 "
                           "지금을 기준으로 한 기간을 정하지 못한 숫자가 {count}개다. --published YYYY-MM-DD로 "
                           "발행일을 주라",
    },
}

#: Qualifier codes as a Korean rule names them (English shows the code itself).
_KOREAN_QUALIFIERS = {
    "exact": "정확히", "approx": "약", "nearly": "거의", "more_than": "초과", "at_least": "이상",
    "less_than": "미만", "at_most": "이하", "range": "범위", "decade": "자릿수",
}
#: Canonical units as a Korean reader writes them after a number; others keep their code.
_KOREAN_UNITS = {
    "KRW": "원", "USD": "달러", "EUR": "유로", "JPY": "엔", "CNY": "위안", "GBP": "파운드", "%": "%",
    **{unit: word for word, unit in reversed(KO_COUNTERS.items())},
    **{unit: word for word, unit in reversed(KO_DURATIONS.items())},
    "people": "명", "times": "회", "months": "개월", "days": "일", "weeks": "주",
    "x": "배", "ratio": "배", "pp": "%p",
}
_ISO_DATE = re.compile(r"(?<![\d-])(\d{4})-(\d{2})(?:-(\d{2}))?(?![\d-])")
_QUARTER = re.compile(r"(?<![\d-])(\d{4})-Q([1-4])(?![\w-])")
_YEAR_TO_DATE = re.compile(r"(?<![\d-])(\d{4})-YTD(?![\w-])")


def say(language: str, key: str, **fields: object) -> str:
    """The catalogue's ``key`` in ``language``, its ``{fields}`` filled in."""
    return _MESSAGES[language][key].format(**fields)


def agg_name(agg: str, language: str) -> str:
    """An aggregation code (``mean``) as a reader of ``language`` names it: the code in English, 평균 in Korean."""
    return say(language, f"agg.{agg}")


def say_data(language: str, key: str, **fields: str) -> str:
    """``key`` with fields taken from reference data: its ISO dates and its aggregation (``agg``) and
    row-length (``granularity``) codes as a reader of ``language`` writes them."""
    words = {name: dates(value, language) for name, value in fields.items()}
    if "agg" in fields:
        words["agg"] = agg_name(fields["agg"], language)
    if "granularity" in fields:
        words["granularity"] = say(language, f"granularity.{fields['granularity']}")
    return say(language, key, **words)


def verdict_name(verdict: str, language: str) -> str:
    """The verdict as a reader of ``language`` names it (the code itself in English)."""
    return _VERDICTS[language][verdict]


def qualifier_name(qualifier: str, language: str) -> str:
    """A qualifier code (``approx``) as a rule names it: the code in English, 약 in Korean."""
    return _KOREAN_QUALIFIERS.get(qualifier, qualifier) if language == KOREAN else qualifier


def unit_name(unit: str | None, language: str) -> str:
    """A canonical unit (``KRW``, ``people``) as written after a number: 원 and 명 in Korean.

    An index keeps its base, the part a reader checks (``index (2015=100)`` is 지수(2015=100)).

    >>> unit_name("index (2015=100)", "ko"), unit_name("index", "ko"), unit_name("index (2015=100)", "en")
    ('지수(2015=100)', '지수', 'index (2015=100)')
    """
    if not unit or language != KOREAN:
        return unit or ""
    if unit == "index" or unit.startswith("index ("):
        return "지수" + unit.removeprefix("index").lstrip()
    return _KOREAN_UNITS.get(unit, unit)


def dates(text: str, language: str) -> str:
    """ISO dates and quarters in ``text`` as a reader of ``language`` writes them.

    >>> dates("2022-05 and 2024-02-19, 2022-Q3, 2024-YTD", "ko")
    '2022년 5월 and 2024년 2월 19일, 2022년 3분기, 2024년 초부터'
    >>> dates("2022-05", "en"), dates("bench.m5 2014", "ko")
    ('2022-05', 'bench.m5 2014')
    """
    if language != KOREAN or "-" not in text:  # each form holds a hyphen: most texts (2022, a metric) none
        return text
    text = _QUARTER.sub(lambda found: f"{found[1]}년 {found[2]}분기", text)
    text = _YEAR_TO_DATE.sub(lambda found: f"{found[1]}년 초부터", text)
    return _ISO_DATE.sub(_korean_date, text)


def _korean_date(found: re.Match) -> str:
    year, month, day = found[1], int(found[2]), found[3]
    if not 1 <= month <= 12:
        return found[0]
    return f"{year}년 {month}월" + (f" {int(day)}일" if day else "")


def padded(label: str, width: int) -> str:
    """``label`` and spaces to ``width`` terminal columns (a Hangul syllable takes two)."""
    columns = sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in label)
    return label + " " * max(width - columns, 1)


def resolve(asked: str, article_language: str | None) -> str:
    """The language of one claim file's report: ``--lang``, or with ``auto`` its article's (English without one)."""
    if asked != "auto":
        return asked
    return article_language if article_language in LANGUAGES else ENGLISH
