"""When an article was published, read from the article itself.

Relative periods (지난해 3분기, last year) mean nothing without the publication date, and an
archive's articles each have their own: one ``--published`` for years of articles resolves
every one of them against the wrong year. So each article is dated, in this order, by its
front matter (``published: 2022-06-14`` between ``---`` lines), an agency dateline or date
line near its top ("WASHINGTON, June 14, 2022 (Reuters) -", "(서울=뉴스1) … 2022.06.14",
"입력 2022.06.14 10:23"), then a reporter's byline with a date (홍길동 기자 2022-06-14).

A dateline without a year ("LONDON, Oct 20 (Reuters) -") dates nothing: the year is what
relative periods need, and it is never guessed. A front-matter date that is not a day is an
error at its line (the user wrote it as metadata); an impossible date in the prose is simply
not a date line.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from checker.errors import InputError, Location
from checker.lazy_regex import compile_lazily
from checker.quantities.tables import EN_MONTHS

#: Lines read from each end of the article for a dateline or byline: they sit at the top or the bottom.
EDGE_LINES = 12
#: A byline is short, and a wire's mark opens its line; past this, a line is prose, whose dates are the story's.
MAX_LINE = 120

_FRONT_MATTER = compile_lazily(r"\A---[ \t]*\r?\n(?P<body>(?:.*\r?\n){0,60}?)---[ \t]*(?:\r?\n|\Z)")
#: The blanks after the colon are taken whole (possessive) and the value opens and closes on a
#: non-blank, so no two quantifiers share a run of blanks (sharing them made a line of 1,000
#: blanks cost 16 s).
_FRONT_DATE = compile_lazily(r"^(?P<key>published|date)[ \t]*:[ \t]*+['\"]?"
                             r"(?P<value>(?:[^'\"\r\n# \t](?:[^'\"\r\n#]*[^'\"\r\n# \t])?)?)['\"]?[ \t]*(?:#.*)?$",
                             re.MULTILINE | re.IGNORECASE)
_MONTH = "|".join(sorted(EN_MONTHS, key=len, reverse=True))
#: A written day: 2022.06.14, 2022-06-14, 2022/6/14, 2022년 6월 14일, June 14, 2022, 14 June 2022.
_DAY = compile_lazily(
    rf"""(?<!\d)(?P<y>(?:19|20)\d\d)(?:[.\-/][ ]?(?P<m>\d{{1,2}})[.\-/][ ]?(?P<d>\d{{1,2}})(?!\d)
                                     |년[ ]?(?P<km>\d{{1,2}})[ ]?월[ ]?(?P<kd>\d{{1,2}})[ ]?일)
       | \b(?P<em>{_MONTH})\.?[ ](?P<ed>\d{{1,2}})(?:st|nd|rd|th)?,?[ ](?P<ey>(?:19|20)\d\d)\b
       | \b(?P<dd>\d{{1,2}})[ ](?P<dm>{_MONTH})\.?,?[ ](?P<dy>(?:19|20)\d\d)\b""",
    re.VERBOSE | re.IGNORECASE)
#: A wire service's mark: "(Reuters) -", "(AP) —", "(서울=뉴스1)", "(세종=연합뉴스)".
_AGENCY = compile_lazily(r"\((?:Reuters|AP|AFP|Bloomberg|Xinhua|Yonhap|UPI|dpa)\)\s*[-–—]|\([^()=\n]{1,12}=[^()=\n]{1,12}\)")
#: A line that only dates the article: "2022.06.14 10:23", "입력 2022.06.14", "Published: June 14, 2022".
#: The day opens and closes on a non-blank and each optional part brings its own blanks, so no
#: two quantifiers share a run of blanks (sharing them made a 130-character line cost 90 s).
_DATE_LINE = compile_lazily(
    r"^\s*(?:(?:(?:기사)?입력|등록|송고(?:시간)?|게재|발행|published|posted|date)\s*)?(?:[:：]\s*)?"
    r"(?P<day>\S[^\n]{4,22}?\S)(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?(?:\s*(?:수정|업데이트|updated).*)?\s*$",
    re.IGNORECASE)
_BYLINE = compile_lazily(r"기자|특파원|\bBy\s+[A-Z]")
#: The byline after a Korean wire's mark, up to its "=": " 홍길동 기자 2022.06.14 =".
_WIRE_BYLINE = compile_lazily(r"[^=\n]{0,40}?(?:기자|특파원)[^=\n]{0,30}=")
#: A Korean wire's mark opening a sentence, in any of its brackets: "(서울=뉴스1)", "[서울=연합뉴스]", "【서울=뉴시스】".
_WIRE_MARK = compile_lazily(r"[(（\[【][ ]?[\uac00-\ud7a3]{1,10}[ ]?=[ ]?[^()（）\[\]【】=\n]{1,20}[)）\]】][ ]*")
_BLANKS = compile_lazily(r"[ ]*")


@dataclass(frozen=True)
class Dated:
    """An article's text (front matter blanked, offsets kept) and the day it was published, with where it says so."""

    text: str
    published: date | None
    source: str | None


def dated(text: str, path: str) -> Dated:
    """The article dated by its front matter, else its dateline, else its byline; undated when none says.

    The front matter is blanked to spaces (its line breaks kept), so its numbers are not
    read as the story's and every offset and line stays that of the file.
    """
    front = _FRONT_MATTER.match(text)
    if front:
        blanked = re.sub(r"[^\r\n]", " ", front.group()) + text[front.end():]
        day = _front_matter_day(front["body"], path, front.start("body"), text)
        if day is not None:
            return Dated(blanked, day, "front matter")
        text = blanked
    lines = text.splitlines()
    edges = [*lines[:EDGE_LINES], *lines[max(EDGE_LINES, len(lines) - EDGE_LINES):]]
    for line in edges:
        day = _first_day(_dateline_head(line))
        if day is not None:
            return Dated(text, day, "dateline")
    for line in edges:
        byline = len(line.strip()) <= MAX_LINE and _BYLINE.search(line) and not _AGENCY.search(line)
        day = _first_day(line) if byline else None
        if day is not None:
            return Dated(text, day, "byline")
    return Dated(text, None, None)


def _dateline_head(line: str) -> str:
    """What of ``line`` dates the article: a date line whole; of a wire line, the part up to its
    mark and byline ("WASHINGTON, June 14, 2022 (Reuters) -", "(서울=뉴스1) 홍길동 기자 ="), never its story."""
    only = _DATE_LINE.fullmatch(line)
    if only and _DAY.fullmatch(only["day"].strip()):
        return line
    mark = _AGENCY.search(line, 0, MAX_LINE)
    if mark is None:
        return ""
    byline = _WIRE_BYLINE.match(line, mark.end())
    return line[:byline.end() if byline else mark.end()]


def _front_matter_day(body: str, path: str, offset: int, text: str) -> date | None:
    """``published:`` (or ``date:``) of the front matter; a value that is not a day is an error at its line."""
    found = _FRONT_DATE.search(body)
    if found is None:
        return None
    value = found["value"].strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}(?:[T ][\d:.+\-Z]*)?", value):
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            pass
    position = offset + found.start("value")
    line = text.count("\n", 0, position) + 1
    column = position - (text.rfind("\n", 0, position) + 1) + 1
    raise InputError(Location(path, line, column),
                     f"front matter {found['key']}: {value!r} is not a date (YYYY-MM-DD)")


def _first_day(line: str) -> date | None:
    """The first real calendar day written on ``line`` (2022.06.14, June 14, 2022), or None."""
    for match in _DAY.finditer(line):
        if match["em"]:
            parts = (match["ey"], EN_MONTHS[match["em"].lower()], match["ed"])
        elif match["dm"]:
            parts = (match["dy"], EN_MONTHS[match["dm"].lower()], match["dd"])
        else:
            parts = (match["y"], match["m"] or match["km"], match["d"] or match["kd"])
        try:
            return date(*map(int, parts))
        except ValueError:
            continue
    return None


def dated_by(text: str, path: str, given: date | None, fallback: date | None, given_by: str) -> Dated:
    """The article dated by ``given`` (a manifest's or ``extract --published``), else by itself, else ``fallback``.

    The front matter is blanked whatever dates the article.
    """
    own = dated(text, path)
    if given is not None:
        return Dated(own.text, given, given_by)
    if own.published is None and fallback is not None:
        return Dated(own.text, fallback, "--published")
    return own


def wire_lead_end(text: str, start: int) -> int:
    """Where the prose of a sentence opening at ``start`` begins, after a Korean wire's mark and its
    byline ("(서울=뉴스1) 홍길동 기자 = "): they name the source, not what the story says, and a quote
    that opens with them reads as if the reporter's name were part of the claim. ``start`` when none.

    >>> text = "(서울=뉴스1) 김기자 = 스폰다는 12일 밝혔다."
    >>> text[wire_lead_end(text, 0):]
    '스폰다는 12일 밝혔다.'
    """
    mark = _WIRE_MARK.match(text, start) if text[start:start + 1] in "(（[【" else None
    if mark is None:
        return start
    byline = _WIRE_BYLINE.match(text, mark.end())
    end = byline.end() if byline else mark.end()
    return _BLANKS.match(text, end).end()  # type: ignore[union-attr]
