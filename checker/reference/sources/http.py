"""The network half every provider shares: one HTTP client, its limits, its failures, what a fetch asks.

urllib3 does the work (connection pooling, ``Retry`` with exponential backoff on 429
and 5xx, honouring ``Retry-After``, connect/read timeouts), so no provider hand-rolls
a retry loop. Every message this module makes is one line that names the provider and
never holds a secret: API keys travel in URLs (ECOS even in the path), so each client
knows its secrets and blanks them, plain or URL-encoded, in anything it shows; the
library's own exceptions (whose text carries the URL) are never re-raised or chained.

A provider's server is not trusted to be well-behaved (a mirror, a proxy, a compromised
host): every answer is bounded in bytes (raw and decompressed, all answers of one fetch
together), every request in time (retries and a 1-byte-a-second drip included), paging in
pages, and the client goes to one host only: a redirect elsewhere would carry the key or
the SEC identity with it, so it is refused, and plain ``http://`` is for loopback test
servers only. The limits (:class:`Limits`) come from the environment.

urllib3 is imported when a client is made, not with this module: every provider module
imports this one, and reading a downloaded file must not load an HTTP stack.
"""
from __future__ import annotations

import ipaddress
import math
import re
import threading
import time
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from typing import TYPE_CHECKING, Any, Callable, Mapping, Sequence
from urllib.parse import quote, quote_plus, urljoin, urlsplit

from checker.reference.model import Observation

if TYPE_CHECKING:
    import socket
    from urllib3.util import Retry, Timeout

#: Statuses worth another try after a pause: rate limits and server trouble.
RETRY_STATUSES = (429, 500, 502, 503, 504)
#: The retry and timeout policy when set (tests shorten it); None means ``_default_policy``.
RETRIES: Retry | None = None
TIMEOUT: Timeout | None = None
HIDDEN = "***"
#: The environment variables that hold API keys: blanked in every message and written file.
KEY_SETTINGS = ("FRED_API_KEY", "ECOS_API_KEY", "KOSIS_API_KEY", "DART_API_KEY")
#: Redirects followed on one host (scheme, host and port); one to another host is refused.
MAX_REDIRECTS = 5
#: Bytes read from the socket at a time, so a limit is noticed within this much.
CHUNK = 64 * 1024
LOOPBACK_NAMES = ("localhost",)
#: The fewest characters of an API key (providers' keys have 20 to 40): a shorter one is refused, not
#: blanked wherever its letters occur in messages and files.
MIN_KEY_LENGTH = 8
#: The longest deadline a request may be given (a day).
MAX_SECONDS = 86_400.0


class FetchError(Exception):
    """A fetch that failed: one user-facing line naming the source, what happened and what to do."""


@dataclass(frozen=True)
class Limits:
    """What one fetch may take from a server; each is an environment variable for a download that needs more.

    ``max_bytes`` bounds every answer of one fetch together, before and after
    decompression: 64 MB by default, several times a large company's companyfacts, held
    in memory while it is checked (well under what ``check`` reads in one reference file,
    ``--max-reference-bytes``, so a fetched file always loads); ``seconds`` bounds each
    request from its first connection to its last byte, retries included; ``max_pages``
    bounds a paged download.
    """

    max_bytes: int = 64 * 2**20
    seconds: float = 300.0
    max_pages: int = 200

    SETTINGS = {"max_bytes": "CLAIMCHECK_FETCH_MAX_BYTES", "seconds": "CLAIMCHECK_FETCH_SECONDS",
                "max_pages": "CLAIMCHECK_FETCH_MAX_PAGES"}

    def check_pages(self, provider: str, rows: int, per_page: int) -> None:
        """FetchError when ``rows`` announced rows would take more than ``max_pages`` pages."""
        pages = math.ceil(rows / per_page)
        if pages > self.max_pages:
            raise FetchError(f"{provider}: the answer announces {rows:,} rows, {pages:,} pages of {per_page:,}: "
                             f"over the {self.max_pages}-page limit ({self.SETTINGS['max_pages']} raises it)")


@dataclass(frozen=True)
class FetchOptions:
    """What ``claimcheck fetch`` asks of a provider besides the series id."""

    start: str = ""
    end: str = ""
    vintages: bool = False
    environment: Mapping[str, str] = field(default_factory=dict)
    as_of: date | None = None  # the figures as published on this day (providers with vintages)

    def setting(self, name: str, default: str = "") -> str:
        return self.environment.get(name, "").strip() or default

    def base_url(self, name: str, default: str) -> str:
        """The provider's base URL: ``name`` (a mirror, a test server) or ``default``, no trailing slash.

        ``https://`` only, so the key never travels in clear, but for a server on this
        machine (``http://127.0.0.1:8080``), as tests and local mirrors run.
        """
        url = self.setting(name, default).rstrip("/")
        try:
            parts = urlsplit(url)
            scheme, host = parts.scheme.lower(), parts.hostname or ""
        except ValueError:
            scheme, host = "", ""
        if (scheme == "https" and host) or (scheme == "http" and is_loopback(host)):
            return url
        raise FetchError(f"{name} must be an https:// address (http:// only for this machine: "
                         f"127.0.0.1, ::1, localhost), not {url!r}")

    def key(self, name: str, provider: str, where: str) -> str:
        """The API key in environment variable ``name``, or a FetchError saying how to get one."""
        key = self.setting(name)
        if not key:
            raise FetchError(f"{provider} needs an API key: set {name} (free at {where})")
        if len(key) < MIN_KEY_LENGTH:  # blanking it everywhere would mangle what else holds those letters
            raise FetchError(f"{name} has {len(key)} characters, too few for an API key: check it (free at {where})")
        return key

    def secrets(self) -> list[str]:
        """Every API key in the environment, as set and as used (trimmed); one too short for :meth:`key` is
        never sent, so it is not blanked either."""
        found = [self.environment.get(name, "") for name in KEY_SETTINGS]
        return [secret for raw in found if len(raw.strip()) >= MIN_KEY_LENGTH
                for secret in dict.fromkeys((raw, raw.strip()))]

    def limits(self) -> Limits:
        """The limits of :class:`Limits`, each overridden by its environment variable (a positive number;
        seconds up to a day, since a timer cannot wait an unbounded time)."""
        values: dict[str, Any] = {}
        for name, setting in Limits.SETTINGS.items():
            written = self.setting(setting)
            if not written:
                continue
            kind, most = (float, MAX_SECONDS) if name == "seconds" else (int, math.inf)
            try:
                value = kind(written)
            except ValueError:
                value = 0
            if not 0 < value <= most:
                what = f"number up to {most:g}" if kind is float else "whole number"
                raise FetchError(f"{setting} must be a positive {what}, not {written!r}")
            values[name] = value
        return Limits(**values)


def is_loopback(host: str) -> bool:
    """Whether ``host`` names this machine (``127.0.0.1``, ``::1``, ``localhost``)."""
    if host.lower() in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def redact(text: str, secrets: Sequence[str]) -> str:
    """``text`` with every secret blanked: as written or URL-encoded (path and query forms), in any case
    (an answer may echo a key upper-cased, as a code)."""
    pattern = _secrets_pattern(tuple(secrets))
    return pattern.sub(HIDDEN, text) if pattern else text


@cache
def _secrets_pattern(secrets: tuple[str, ...]) -> re.Pattern[str] | None:
    forms = {form for secret in secrets if secret for form in (secret, quote(secret, safe=""), quote_plus(secret))}
    longest_first = sorted(forms, key=len, reverse=True)  # an encoded form may hold the plain one
    return re.compile("|".join(map(re.escape, longest_first)), re.IGNORECASE) if forms else None


@dataclass(frozen=True)
class Answer:
    """A provider's answer: the texts its reader reads (or rows it built), and the request, secrets blanked."""

    pages: tuple[str, ...]
    request: str
    observations: tuple[Observation, ...] = ()


@dataclass(frozen=True)
class Response:
    status: int
    text: str
    url: str  # secrets blanked


def fetch_pages(provider: str, limits: Limits, per_page: int, page: Callable[[int], tuple[int, int]]) -> None:
    """Call ``page(rows_so_far)`` (it fetches and keeps one page, and says its rows and the announced total)
    until the total is reached; FetchError when the pages disagree with the total.

    A short page before the total, a total that changes between pages or rows beyond
    it mean an answer that is not one consistent download; a total over the page limit
    is refused before its second page.
    """
    received, total = 0, None
    for _ in range(limits.max_pages):
        rows, announced = page(received)
        if total is None:
            total = announced
            limits.check_pages(provider, total, per_page)
        elif announced != total:
            raise FetchError(f"{provider}: the total changed from {total:,} to {announced:,} rows between pages; "
                             "the series was revised during the download: try again")
        received += rows
        if received == total:
            return
        if received > total or rows < per_page:
            raise FetchError(f"{provider}: the answer announces {total:,} rows but its pages hold "
                             f"{'more' if received > total else f'only {received:,}'}; nothing written: try again")
    raise FetchError(f"{provider}: more than {limits.max_pages} pages ({Limits.SETTINGS['max_pages']} raises it)")


def shortened(text: str, limit: int = 200) -> str:
    """``text`` cut to ``limit`` characters for a one-line message (an answer's value may be megabytes)."""
    return text if len(text) <= limit else text[:limit] + f"... ({len(text):,} characters)"


class _Expired(Exception):
    """The request's deadline passed, or will before a pause ends (raised inside urllib3, caught by
    :meth:`Client.get`); its text, if any, says why."""


class _Deadline:
    """The end of one request: its sockets are shut when it passes, so no read, however slow, outlives it.

    urllib3's read timeout restarts with every byte, so a server that drips one byte a
    second would hold a request for ever; a timer thread shuts the request's sockets at
    the deadline instead, which ends any blocking read at once. ``passed`` is set first,
    so a body cut short by it is never taken for a whole one.
    """

    _current = threading.local()

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.end = time.monotonic() + seconds
        self.passed = False
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True

    def __enter__(self) -> _Deadline:
        _Deadline._current.deadline = self
        self._timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._timer.cancel()
        _Deadline._current.deadline = None

    @classmethod
    def current(cls) -> _Deadline | None:
        return getattr(cls._current, "deadline", None)

    def left(self) -> float:
        return self.end - time.monotonic()

    def watch(self, sock: socket.socket) -> None:
        """Shut ``sock`` at the deadline (at once if it has passed)."""
        with self._lock:
            self._sockets.append(sock)
            if self.passed:
                _shut(sock)

    def _expire(self) -> None:
        with self._lock:
            self.passed = True
            for sock in self._sockets:
                _shut(sock)


def _shut(sock: socket.socket) -> None:
    import socket  # here, not with the module: a tenth of a ``check`` start-up that downloads nothing

    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass  # already closed


@cache
def _urllib3_classes() -> tuple[dict[str, type], type]:
    """The connection pools whose sockets a request's deadline watches, and the Retry that never sleeps past it."""
    from urllib3.connection import HTTPConnection, HTTPSConnection
    from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
    from urllib3.util import Retry

    def new_conn(connection: Any, base: type) -> socket.socket:
        deadline = _Deadline.current()
        if deadline is not None and deadline.left() <= 0:
            raise _Expired
        sock = base._new_conn(connection)
        if deadline is not None:
            deadline.watch(sock)
        return sock

    class Watched(HTTPConnection):
        def _new_conn(self) -> socket.socket:
            return new_conn(self, HTTPConnection)

    class WatchedTLS(HTTPSConnection):
        def _new_conn(self) -> socket.socket:
            return new_conn(self, HTTPSConnection)

    class Patient(Retry):
        """A Retry whose pause (backoff or ``Retry-After``) ends the request when it would pass the deadline."""

        def sleep(self, response: Any = None) -> None:
            deadline = _Deadline.current()
            after = self.get_retry_after(response) if response is not None and self.respect_retry_after_header else None
            pause = after or self.get_backoff_time()
            left = deadline.left() if deadline is not None else float("inf")
            if left <= 0:      # spent already (a slow read took it): no retry of any length is the reason
                raise _Expired
            if pause >= left:
                raise _Expired(f"a retry after {pause:g} s would pass")
            super().sleep(response)

    pools = {"http": type("WatchedPool", (HTTPConnectionPool,), {"ConnectionCls": Watched}),
             "https": type("WatchedTLSPool", (HTTPSConnectionPool,), {"ConnectionCls": WatchedTLS})}
    return pools, Patient


def _default_policy() -> tuple[Retry, Timeout]:
    from urllib3.util import Retry, Timeout
    retries = Retry(
        total=3, connect=3, read=2, status=3, redirect=3,
        backoff_factor=0.5,                    # 0.5 s, 1 s, 2 s between tries
        status_forcelist=RETRY_STATUSES,
        allowed_methods=frozenset({"GET"}),
        respect_retry_after_header=True,
        raise_on_status=False,                 # the last answer comes back; we name its status
    )
    return retries, Timeout(connect=10.0, read=60.0)


def _patient(retries: Retry) -> Retry:
    """A copy of ``retries`` (the policy, or one a test set) whose pauses never pass the request's deadline."""
    copy = retries.new()
    copy.__class__ = _urllib3_classes()[1]
    return copy


class Client:
    """GETs for one provider, with retries, timeouts and limits, whose messages never show ``secrets``."""

    def __init__(self, provider: str, secrets: Sequence[str] = (), headers: Mapping[str, str] | None = None,
                 retries: Retry | None = None, timeout: Timeout | None = None, limits: Limits | None = None) -> None:
        self.provider = provider
        self.limits = limits or Limits()
        self._secrets = [secret for secret in secrets if secret]
        self._left = self.limits.max_bytes  # bytes every answer of this fetch may still take
        import urllib3
        default_retries, default_timeout = _default_policy()
        self._retries = _patient(retries or RETRIES or default_retries)
        self._pool = urllib3.PoolManager(retries=self._retries, timeout=timeout or TIMEOUT or default_timeout,
                                         headers=dict(headers or {}))
        self._pool.pool_classes_by_scheme = _urllib3_classes()[0]

    def redact(self, text: str) -> str:
        """``text`` with every secret (plain or URL-encoded) blanked."""
        return redact(text, self._secrets)

    def get(self, url: str) -> Response:
        """The answer to a GET of ``url``, redirects on its host followed; FetchError on no answer, on
        429/5xx after the retries, on a redirect to another host, past the deadline or over the byte limit."""
        shown = self.redact(url)
        with _Deadline(self.limits.seconds) as deadline:
            for _ in range(MAX_REDIRECTS + 1):
                response = self._open(url, shown, deadline)
                try:
                    location = response.get_redirect_location()
                    if not location:
                        body = self._body(response, shown, deadline)
                        return Response(response.status, body.decode("utf-8", errors="replace"), shown)
                finally:
                    response.close()
                    response.release_conn()
                url = self._redirected(url, location)
                shown = self.redact(url)
        raise FetchError(f"{self.provider}: more than {MAX_REDIRECTS} redirects from {shown}")

    def _open(self, url: str, shown: str, deadline: _Deadline) -> Any:
        """The response, its headers read and its body not yet."""
        import urllib3
        try:
            # redirect=False: get() follows them, on this host only; preload_content=False: _body() reads, bounded
            response = self._pool.request("GET", url, redirect=False, preload_content=False)
        except _Expired as expired:
            raise self._late(shown, deadline, str(expired)) from None
        except urllib3.exceptions.MaxRetryError as error:
            if deadline.passed:
                raise self._late(shown, deadline) from None
            raise FetchError(f"{self.provider}: no answer from {shown} ({_reason(error.reason)}, "
                             f"{self._retries.total} retries); check the address or try again later") from None
        except urllib3.exceptions.HTTPError as error:
            if deadline.passed:
                raise self._late(shown, deadline) from None
            raise FetchError(f"{self.provider}: request to {shown} failed ({_reason(error)})") from None
        if response.status in RETRY_STATUSES:
            response.close()
            raise FetchError(f"{self.provider}: HTTP {response.status} from {shown} after "
                             f"{self._retries.total} retries; try again later")
        return response

    def _body(self, response: Any, shown: str, deadline: _Deadline) -> bytes:
        """The whole body, decompressed, or FetchError as soon as it passes the byte limit or the deadline."""
        import urllib3
        chunks, size = [], 0
        try:
            for chunk in response.stream(CHUNK, decode_content=True):
                size += len(chunk)
                if max(size, response.tell()) > self._left:
                    raise FetchError(f"{self.provider}: the answer from {shown} is over the limit of "
                                     f"{self.limits.max_bytes:,} bytes for one fetch "
                                     f"({Limits.SETTINGS['max_bytes']} raises it)")
                chunks.append(chunk)
        except urllib3.exceptions.HTTPError as error:
            if deadline.passed:
                raise self._late(shown, deadline) from None
            raise FetchError(f"{self.provider}: the answer from {shown} could not be read whole "
                             f"({_reason(error)})") from None
        if deadline.passed:
            raise self._late(shown, deadline)
        self._left -= max(size, response.tell())
        return b"".join(chunks)

    def _redirected(self, url: str, location: str) -> str:
        """Where a redirect leads, if it stays on the same scheme, host and port; FetchError otherwise."""
        try:
            target = urljoin(url, location)
        except ValueError:  # a broken host ('http://[::1/'): no address at all
            raise FetchError(f"{self.provider}: {self.redact(url)} redirects to {shortened(self.redact(location))!r}, "
                             "which is no address") from None
        if _origin(target) != _origin(url):
            raise FetchError(f"{self.provider}: {self.redact(url)} redirects to another host "
                             f"({self.redact(_origin(target) or location)}); refused, so the key and the "
                             "request's identity go to no one else")
        return target

    def _late(self, shown: str, deadline: _Deadline, why: str = "") -> FetchError:
        """The deadline's message; ``why`` when it is known to pass before it does (a long Retry-After)."""
        return FetchError(f"{self.provider}: no complete answer from {shown} within {deadline.seconds:g} s"
                          f"{f' ({why})' if why else ''}; {Limits.SETTINGS['seconds']} raises the limit, "
                          "or try again later")


def _origin(url: str) -> str:
    """``scheme://host:port`` of ``url`` (the default port written out), or '' when it has none."""
    try:
        parts = urlsplit(url)
        port = parts.port or {"http": 80, "https": 443}.get(parts.scheme.lower(), 0)
        return f"{parts.scheme.lower()}://{(parts.hostname or '').lower()}:{port}" if parts.hostname else ""
    except ValueError:
        return ""


def _reason(error: object) -> str:
    """What went wrong, in words that hold no URL."""
    import urllib3
    if isinstance(error, urllib3.exceptions.NewConnectionError):  # a subclass of the timeout errors
        return "could not connect"
    if isinstance(error, urllib3.exceptions.TimeoutError):
        return "timed out"
    if isinstance(error, urllib3.exceptions.SSLError):
        return "TLS error"
    if isinstance(error, urllib3.exceptions.ProtocolError):
        return "connection broken"
    if isinstance(error, urllib3.exceptions.DecodeError):
        return "its compression is broken"
    return type(error).__name__ if error is not None else "unknown error"
