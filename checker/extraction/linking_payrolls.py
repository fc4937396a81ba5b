""""Employers added 263,000 jobs": when "jobs" alone names the monthly payroll series.

"Jobs" names no series by itself: a company, a plan, a bill or a stimulus adds jobs too, and a
state's payrolls are not the nation's. A jobs report's sentence is recognisable all the same:
its subject is the employers or the economy of the nation ("Employers added", "The U.S. economy
added", "America's employers added", "America lost"), the change is of a month the report covers, the article came out while
that month's report was the latest, the sentence names no sector, plan, company, other series or
state's office, and the text names no state up to it (its employers may be the state's). Then, in that sentence only, "jobs" is a name of the payroll series (the metric an
article names "nonfarm payrolls" or "payrolls", or FRED's "Total Nonfarm"), and the number its
monthly change (:func:`linking.links` reads the change against the month before).
"""
from __future__ import annotations

import re
from datetime import timedelta
from typing import Sequence

from checker.extraction.hypotheticals import clause
from checker.extraction.places import other_place
from checker.extraction.metrics import Alias
from checker.extraction.model import Extraction
from checker.periods import PeriodError, parse_period
from checker.quantities.model import Kind

#: The names that make a metric the nation's payrolls (us-aliases.yaml; a FRED title's "Total Nonfarm").
PAYROLL_NAMES = frozenset(("nonfarm payrolls", "payrolls", "total nonfarm"))
#: How long after a month ends an article about its jobs report may come out: the report comes on the
#: first Friday or so of the next month (in the 2013 shutdown, the 22nd), and the next one a month later.
REPORT_WINDOW = timedelta(days=45)
#: The clause up to the number, when it is a jobs report's subject and verb: the nation's employers or
#: economy, or the nation itself, then added, created, lost, shed or cut.
_SUBJECT = re.compile(r"""
    ^(?:the\s+)?(?:U\.S\.\s+|US\s+|American\s+|America(?:'s|’s)\s+|nation's\s+|nation’s\s+)?   # whose
    (?:employers|economy|U\.S\.|United\s+States|America|nation)\s+       # who: employers, the economy
    (?:(?:have|has)\s+)?(?:added|created|lost|shed|cut)\s+                # the change, as reported
    (?:(?:a|an|another|a\s+net(?:\s+of)?)\s+(?:\w+\s+)?)?$                # "a robust", "another", "a net"
    """, re.IGNORECASE | re.VERBOSE)
#: Words of the clause, up to its first comma after the number, that make its jobs something other than
#: the nation's payrolls: a sector, a plan, a company, a program ("263,000 jobs in manufacturing", "jobs
#: under the stimulus"); "the government said" after the comma is the source, not the jobs.
_OTHER_JOBS = re.compile(r"\b(?:private|public|government|federal|state|local|manufacturing|factory|factories|"
                         r"construction|retail|sector|industry|industries|company|companies|firm|firms|plan|bill|"
                         r"law|act|stimulus|program|project|initiative)\b", re.IGNORECASE)

#: Words of the sentence that make the report a state's or a city's ("the state labor department said").
_LOCAL = re.compile(r"\b(?:state|state's|state’s|county|city|metro|metropolitan|local|regional)\b", re.IGNORECASE)


def payroll_metric(aliases: Sequence[Alias]) -> Alias | None:
    """The one metric named as the nation's payrolls, as an alias "jobs" in its unit; None when no
    metric or two are."""
    metrics = {alias.metric: alias.unit for alias in aliases if alias.name.casefold() in PAYROLL_NAMES}
    if len(metrics) != 1:
        return None
    ((metric, unit),) = metrics.items()
    return Alias(metric, "jobs", unit)


def jobs_report(extraction: Extraction, index: int, aliases: Sequence[Alias]) -> Alias | None:
    """The alias "jobs" of the payroll series when quantity ``index`` is a jobs report's monthly
    change ("Employers added 263,000 jobs in September", written in early October), else None."""
    found = extraction.quantities[index]
    quantity, published = found.quantity, extraction.published
    if extraction.language != "en" or quantity.kind is not Kind.COUNT or (quantity.unit or "").casefold() != "jobs" \
            or found.metric is not None or found.period is None or published is None:
        return None
    try:
        month = parse_period(found.period)
    except PeriodError:
        return None
    if month.granularity != "month" or not timedelta(0) < published - month.end <= REPORT_WINDOW:
        return None
    start, end = clause(extraction.text, found.sentence, quantity.start, quantity.end)
    comma = extraction.text.find(",", quantity.end, end)
    said = extraction.text[start:end if comma < 0 else comma]
    if not _SUBJECT.match(extraction.text[start:quantity.start].strip() + " ") or _OTHER_JOBS.search(said) \
            or _LOCAL.search(extraction.text, *found.sentence) or other_place(extraction.text[:found.sentence[1]], ""):
        return None   # a state's employers, or an article that has named a state: not the nation's payrolls
    return payroll_metric(aliases)
