"""A bounded fuzz campaign over the targets in ``targets.py`` (atheris, coverage-guided).

    python tests/fuzz/campaign.py                       # every target, the default budget
    python tests/fuzz/campaign.py --runs quantities=600000 claimfile=60000 --jobs 2
    python tests/fuzz/campaign.py --seconds 60          # a time box per target instead

Each target runs in its own process (``--jobs`` at a time, one per core), seeded with a
corpus built from the project's own inputs: the quantity cases, the articles, the
worked example, the bad-input catalogue. Every module of ``checker`` is imported under
atheris' instrumentation before a target runs, so code a target reaches through a lazy
import (the report formats, extraction) gives coverage feedback too; a checker module
first loaded after that stops the target with its name. A crash does not stop a target:
the input is saved under ``--out`` (``<target>-<hash>.bin`` with its traceback in
``.txt``), one per distinct place of failure, and fuzzing goes on. At the end one line
per target gives the inputs run, the coverage libFuzzer reached (edges ``cov`` and
features ``ft``), the corpus and the distinct crashes, also written with the version and
the command to ``--out``/``summary.txt``; the exit code is 1 when any target crashed.
The committed ``tests/fuzz/last-campaign/`` (the default ``--out``) holds the logs and summary of the last full campaign
(``python tests/fuzz/campaign.py``, the default budget).

Needs ``pip install -e '.[fuzz]'`` (atheris). Not part of the test suite (minutes, not
seconds); ``test_smoke.py`` runs each target briefly there.
"""
from __future__ import annotations

import argparse
import contextlib
import hashlib
import importlib
import pkgutil
import re
import subprocess
import sys
import tempfile
import time
import traceback
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Callable, ContextManager

import yaml

HERE = Path(__file__).resolve().parent
PROJECT = HERE.parents[1]
DEFAULT_RUNS = {"extract": 60_000, "quantities": 600_000, "claimfile": 300_000, "reference": 100_000, "reports": 50_000,
                "reference_duplicates": 50_000, "provider_readers": 100_000, "fetch": 20_000}
"""1,280,000 inputs, sized to about 25 minutes on two idle cores at the rates of the first campaign
(inputs/s, instrumented: quantities 1,546, claimfile 849, reference 359, extract 53; fetch, a
loopback round trip per request, 136 uninstrumented on its seeds); the slowest target starts
first, so one worker runs extract while the other runs the rest. The campaign of
last-campaign/summary.txt (before provider_readers and fetch were added) took 27 minutes on two
cores shared with other work."""
MAX_LEN = {"quantities": 256, "extract": 4096, "claimfile": 8192, "reference": 4096, "reports": 2048,
           "reference_duplicates": 512, "provider_readers": 8192, "fetch": 8192}
TOKENS = {
    "quantities": ["만", "억", "조", "경", "천", "백", "십", "달러", "원", "명", "개", "배", "%", "퍼센트", "%포인트",
                   "약", "가까이", "넘게", "이상", "미만", "분의", "절반", "~", ",", ".", "대", "billion", "million",
                   "bn", "$", "US$", "₩", "about", "nearly", "more than", "to", "percentage points", "a quarter",
                   "tripled", "three times", "in the $90s", "two-thirds", "１", "０"],
    "claimfile": ["version: 1\n", "article:", "file:", "published:", "language: ko", "reference:", "claims:\n",
                  "  - id: ", "quote:", "value:", "metric:", "period:", "relation:", "of:", "expr:", "expect:",
                  "tolerance:", "agg:", "as_of:", "direction: down", "{value: '3'}", "meta.net_income", "2022-Q3",
                  "&a", "*a", "!!", "<<:", "ratio", "convert", "months_between", "{event: meta.rename}"],
    "reference": ["entity,metric,period,value,unit,source\n", "date,close\n", "# entity: meta\n", "# unit: USD\n",
                  "# source: x\n", "# vintage: 2024-01-01\n", "rows:", "events:", "aliases:", "meta", "net_income",
                  "2022-Q3", "2022-11-03", "USD", "KRW/USD", "\"", ",", "1e9", "."],
}
TOKENS["reports"] = ["\x00", "::", "##[", "\n", "\r", "\x1b[", "\x1b]8;;", "\x07", "[/]", "\\[", "[link=", "](", "![",
                      "<script>", "</script>", "&", "|", "`", "%", "http://", "javascript:", "\u202e", "\x85", "\x9b"]
TOKENS["extract"] = TOKENS["quantities"] + ["지난해", "올해", "2022년", "3분기", "전년 대비", "줄었다", "늘었다", ". "]
TOKENS["provider_readers"] = ['"observations"', '"realtime_start"', '"date"', '"value"', '"cik"', '"facts"', '"units"',
                              '"accn"', '"StatisticSearch"', '"row"', '"list_total_count"', '"TIME"', '"DATA_VALUE"',
                              '"TBL_ID"', '"ITM_ID"', '"PRD_SE"', '"PRD_DE"', '"DT"', '"status"', '"000"', '"list"',
                              '"rcept_no"', '"reprt_code"', '"sj_div"', "[", "]", "{", "}", ":", ",", "2024-01-01"]
TOKENS["fetch"] = TOKENS["provider_readers"] + ['"seriess"', '"id"', '"PAYEMS"', '"count"', '"731Y001"', '"0000001"',
                                                '"DT_1B040A3"', '"T20"', '"01234567"', "1318605", "K3Y-fuzz/=+"]
TOKENS["reference_duplicates"] = ["\x00", "\"", "\\", "\n", "[", "]", "{", "}", ":", ",", "2022-Q3", "1e5", "\u202e"]


# --------------------------------------------------------------------------- seeds

def _claim_file_seeds() -> list[bytes]:
    seeds = [(PROJECT / "claims" / "meta-ai-pivot.yaml").read_bytes(),
             (PROJECT / "tests" / "bad_inputs" / "base" / "good.yaml").read_bytes()]
    header = (PROJECT / "tests" / "bad_inputs" / "base" / "header.yaml").read_text(encoding="utf-8")
    for path in sorted((PROJECT / "tests" / "bad_inputs" / "cases").glob("*.yaml")):
        case = yaml.safe_load(path.read_text(encoding="utf-8"))
        if "claims" in case:
            seeds.append((header + case["claims"]).encode("utf-8"))
        elif "bad.yaml" in (case.get("files") or {}):
            seeds.append(case["files"]["bad.yaml"].encode("utf-8"))
    return seeds


def _reference_seeds() -> list[bytes]:
    seeds = []
    folders = (PROJECT / "claims" / "reference", PROJECT / "tests" / "bad_inputs" / "base" / "reference",
               PROJECT / "tests" / "reference_cases")
    for folder in folders:
        for path in sorted(folder.iterdir()):
            shape = {".csv": 0, ".yaml": 1, ".yml": 1, ".json": 2}.get(path.suffix)
            if shape is not None:
                seeds.append(bytes([shape]) + path.read_bytes()[:4000])
    return seeds


def _text_seeds() -> list[str]:
    texts = [str(case["text"]) for case in yaml.safe_load((PROJECT / "tests" / "quantity_cases.yaml").read_text(
        encoding="utf-8"))]
    return texts


def _article_seeds() -> list[str]:
    articles = [*sorted((PROJECT / "claims" / "articles").glob("*.txt")),
                PROJECT / "tests" / "bad_inputs" / "base" / "article.txt"]
    paragraphs = []
    for path in articles:
        paragraphs += [part for part in path.read_text(encoding="utf-8").split("\n\n") if part.strip()]
    return paragraphs


def _report_seeds() -> list[bytes]:
    """Fields (split at NUL) with markup and control characters of every kind the reports must neutralise."""
    fields = ["q3-net-income", "메타는 44억 달러의 \\[/] [link=https://e.com]x[/link] 순이익", "a | b <script>x</script>",
              "::error file=x::forged\n::stop-commands::t", "##[warning]forged\r\x1b[31mred\x1b]8;;http://e\x07",
              "![pixel](https://e.com/p.png) [Click](https://e.com) *b* `c` $d$ @e", "javascript:alert(1)",
              "\x01\x0b\x0c\x7f\x85\x9b\u2028\u202e\ufffe", "https://example.com/a", "USD"]
    return [("\x00".join(fields[index:] + fields[:index])).encode("utf-8") for index in range(len(fields))]


def _duplicate_seeds() -> list[bytes]:
    """One repeated key of each kind, with plain, quoted, numeric and control-character values."""
    values = ["1\x005000000", "2022-Q3\x002023-Q3", "a \"quoted\" value\x00\u202e\x01", "\x00", "[1, 2]\x00{}"]
    return [bytes([key, key // 2]) + values[key % len(values)].encode("utf-8") for key in range(10)]


def _provider_seeds(target: str) -> list[bytes]:
    """The providers' answers of the tests (first byte: which reader, or which fetch, takes them)."""
    cases = PROJECT / "tests" / "reference_cases" / "sources"
    fred = ('{"seriess": [{"id": "PAYEMS", "units": "Thousands of Persons", "frequency_short": "M"}], "count": 2, '
            '"observations": [{"realtime_start": "2025-05-14", "date": "2021-08-01", "value": "147246"}, '
            '{"realtime_start": "2025-05-14", "date": "2021-09-01", "value": "147712"}]}')
    edgar = ('{"cik": 1318605, "facts": {"us-gaap": {"Revenues": {"units": {"USD": [{"start": "2022-07-01", '
             '"end": "2022-09-30", "val": 21454000000, "accn": "0000950170-22-019867", "form": "10-Q", '
             '"filed": "2022-10-24"}]}}}}}')
    answers = {"fred": fred, "edgar": edgar, "ecos": (cases / "ecos_731Y001_D.json").read_text(encoding="utf-8"),
               "kosis": (cases / "kosis_DT_1B040A3_M.json").read_text(encoding="utf-8"),
               "dart": (cases / "dart_01234567_2024_11012.json").read_text(encoding="utf-8")}
    order = ["fred", "edgar", "ecos", "kosis", "dart"]
    if target == "fetch":  # each answer plain, gzip-compressed, falsely declared gzip; and redirects
        redirects = [b"http://127.0.0.1:9/elsewhere", b"/same-host-again", b"//evil.example/x", b"ftp://x/y"]
        return [bytes([order.index(name) + len(order) * wrapping]) + text.encode("utf-8")
                for name, text in answers.items() for wrapping in range(3)] + \
            [bytes([len(order) * 3 + index % len(order)]) + line for index, line in enumerate(redirects)]
    answers["fred csv"] = "observation_date,PAYEMS\n2021-08-01,147246\n2021-09-01,147712\n"
    readers = ["fred", "fred csv", "edgar", "ecos", "kosis", "dart"]  # as targets._PROVIDER_FILES
    return [bytes([index]) + answers[name].encode("utf-8")[:8000] for index, name in enumerate(readers)]


def seeds(target: str) -> list[bytes]:
    if target in ("provider_readers", "fetch"):
        return _provider_seeds(target)
    if target == "reports":
        return _report_seeds()
    if target == "reference_duplicates":
        return _duplicate_seeds()
    if target == "quantities":
        return [bytes([index % 3, index % 4]) + text.encode("utf-8") for index, text in enumerate(_text_seeds())]
    if target == "extract":
        return [bytes([index % 3]) + text.encode("utf-8") for index, text in enumerate(_article_seeds())]
    if target == "claimfile":
        return _claim_file_seeds()
    return _reference_seeds()


def write_corpus(target: str, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for data in seeds(target):
        (folder / hashlib.sha1(data).hexdigest()).write_bytes(data)


def dictionary_entry(token: str) -> str:
    r"""A libFuzzer dictionary line: the token's UTF-8 bytes, escaped as ``\xNN`` where needed.

    >>> print(dictionary_entry('약 "1"'))
    "\xEC\x95\xBD \x221\x22"
    """
    return '"' + "".join(chr(byte) if 32 <= byte < 127 and chr(byte) not in '"\\' else f"\\x{byte:02X}"
                         for byte in token.encode("utf-8")) + '"'


def write_dictionary(target: str, path: Path) -> None:
    path.write_text("\n".join(dictionary_entry(token) for token in TOKENS[target]) + "\n", encoding="ascii")


# --------------------------------------------------------------------------- one target (child process)

def import_every_module(instrumenting: Callable[[], ContextManager[object]]) -> set[str]:
    """Import every module of ``checker`` inside ``instrumenting()``; the checker modules loaded.

    A target reaches modules through lazy imports (a report format, the extraction); one
    imported after the instrumentation block would run without coverage feedback.
    """
    with instrumenting():
        import checker
        for module in pkgutil.walk_packages(checker.__path__, "checker."):
            if not module.name.endswith("__main__"):  # running it is the command line, not a module to load
                importlib.import_module(module.name)
    return checker_modules()


def checker_modules() -> set[str]:
    return {name for name in sys.modules if name == "checker" or name.startswith("checker.")}


def fuzz_one(target: str, out: Path, libfuzzer_arguments: list[str]) -> None:
    """Run under atheris; record each distinct crash and go on."""
    import atheris

    instrumented = import_every_module(lambda: atheris.instrument_imports(include=["checker"]))
    sys.path.insert(0, str(HERE))
    import targets
    function = targets.TARGETS[target]
    for seed in seeds(target):  # reach every lazy import the seeds reach, before fuzzing starts
        with contextlib.suppress(Exception):
            function(seed)
    late = checker_modules() - instrumented
    if late:
        raise SystemExit(f"{target}: modules loaded after instrumentation, no coverage from them: {sorted(late)}")
    seen: set[str] = set()

    def one_input(data: bytes) -> None:
        try:
            function(data)
        except Exception:  # a crash: keep the input and the place it failed, then go on
            frames = traceback.extract_tb(sys.exc_info()[2])
            place = f"{sys.exc_info()[0].__name__}@" + ";".join(f"{Path(f.filename).name}:{f.lineno}"
                                                                  for f in frames[-3:])
            if place not in seen:
                seen.add(place)
                name = f"{target}-{hashlib.sha1(place.encode()).hexdigest()[:10]}"
                (out / f"{name}.bin").write_bytes(data)
                (out / f"{name}.txt").write_text(place + "\n\n" + traceback.format_exc(), encoding="utf-8")

    atheris.Setup([sys.argv[0], *libfuzzer_arguments], one_input)
    atheris.Fuzz()


# --------------------------------------------------------------------------- the campaign

_DONE = re.compile(r"Done (\d+) runs in (\d+) second")
_STATUS = re.compile(r"^#(\d+)\s", re.MULTILINE)
_COVERAGE = re.compile(r"^#\d+\s+\w+\s+cov: (\d+) ft: (\d+) corp: (\d+)/", re.MULTILINE)


def coverage(log: str) -> dict[str, int]:
    """The last coverage libFuzzer reported: edges (``cov``), features (``ft``) and corpus inputs."""
    found = _COVERAGE.findall(log)
    edges, features, corpus = (int(number) for number in found[-1]) if found else (0, 0, 0)
    return {"edges": edges, "features": features, "corpus": corpus}


def run_target(target: str, runs: int | None, seconds: int | None, out: Path, work: Path) -> dict:
    corpus = work / f"corpus-{target}"
    write_corpus(target, corpus)
    dictionary = work / f"{target}.dict"
    write_dictionary(target, dictionary)
    arguments = [f"-max_len={MAX_LEN[target]}", f"-dict={dictionary}", "-timeout=30", "-rss_limit_mb=3072",
                 f"-artifact_prefix={out}/{target}-", "-print_final_stats=1", str(corpus)]
    arguments.insert(0, f"-runs={runs}" if runs is not None else f"-max_total_time={seconds}")
    started = time.time()
    done = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--child", target, "--out", str(out),
                           "--", *arguments], capture_output=True, text=True, errors="replace")
    log = done.stderr
    (out / f"{target}.log").write_text(log, encoding="utf-8")
    found = _DONE.search(log)
    inputs = int(found.group(1)) if found else max((int(n) for n in _STATUS.findall(log)), default=0)
    crashes = sorted(path.stem for path in out.glob(f"{target}-*.bin"))
    # libFuzzer's own artifacts: a timeout or an out-of-memory stops the target.
    stopped = sorted(path.name for path in out.glob(f"{target}-*") if path.name.startswith(
        (f"{target}-timeout", f"{target}-oom", f"{target}-crash")))
    return {"target": target, "inputs": inputs, "crashes": crashes, "stopped": stopped, **coverage(log),
            "seconds": round(time.time() - started), "exit": done.returncode}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("targets", nargs="*", help="targets to run (default: all)")
    parser.add_argument("--runs", nargs="*", default=[], metavar="TARGET=N", help="inputs per target")
    parser.add_argument("--seconds", type=int, help="a time box per target instead of a number of inputs")
    parser.add_argument("--jobs", type=int, default=2, help="targets run side by side (default: 2)")
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent / "last-campaign",
                        help="where crash inputs, logs and the summary go (default: tests/fuzz/last-campaign)")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    argv = sys.argv[1:] if argv is None else argv
    libfuzzer_arguments = argv[argv.index("--") + 1:] if "--" in argv else []
    arguments = parser.parse_args(argv[: argv.index("--")] if "--" in argv else argv)
    arguments.out.mkdir(parents=True, exist_ok=True)
    if arguments.child:
        fuzz_one(arguments.child, arguments.out.resolve(), libfuzzer_arguments)
        return 0
    sys.path.insert(0, str(HERE))
    from targets import TARGETS

    chosen = arguments.targets or sorted(TARGETS, key=list(DEFAULT_RUNS).index)
    runs = {**DEFAULT_RUNS, **{key: int(value) for key, value in (item.split("=") for item in arguments.runs)}}
    sys.path.insert(0, str(PROJECT))
    from checker import version
    measured = version.line()  # the code that runs, read before a long campaign in a tree that may change
    with tempfile.TemporaryDirectory() as work, ThreadPoolExecutor(max_workers=arguments.jobs) as pool:
        jobs = [pool.submit(run_target, target, None if arguments.seconds else runs[target], arguments.seconds,
                            arguments.out.resolve(), Path(work)) for target in chosen]
        results = [job.result() for job in jobs]
    summary = summarise(results, arguments.out, measured, ["python", "tests/fuzz/campaign.py", *argv])
    print(summary, end="")
    (arguments.out / "summary.txt").write_text(summary, encoding="utf-8")
    return 1 if any(result["crashes"] or result["stopped"] or result["exit"] for result in results) else 0


def summarise(results: list[dict], out: Path, measured: str, command: list[str]) -> str:
    """One line per target (inputs, coverage, corpus, crashes, time), after the version measured and the command."""
    lines = [measured, "$ " + " ".join(command)]
    for result in results:
        lines.append(f"{result['target']:20} inputs {result['inputs']:>9,}  cov {result['edges']:>5}  "
                     f"ft {result['features']:>6}  corpus {result['corpus']:>5}  crashes {len(result['crashes'])}  "
                     f"{result['seconds']}s" + (f"  stopped by {', '.join(result['stopped'])}" if result["stopped"] else "")
                     + (f"  exit {result['exit']}" if result["exit"] else ""))
        lines += [f"    {out / crash}.bin: " + (out / f"{crash}.txt").read_text(encoding="utf-8").splitlines()[0]
                  for crash in result["crashes"]]
    lines.append(f"{'total':20} inputs {sum(result['inputs'] for result in results):>9,}")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.exit(main())
