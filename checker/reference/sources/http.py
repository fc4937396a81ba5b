"""The network half every provider shares: one HTTP client, its failures, what a fetch asks.

urllib3 does the work (connection pooling, ``Retry`` with exponential backoff on 429
and 5xx, honouring ``Retry-After``, connect/read timeouts), so no provider hand-rolls
a retry loop. Every message this module makes is one line that names the provider and
never holds a secret: API keys travel in URLs (ECOS even in the path), so each client
knows its secrets and blanks them, plain or URL-encoded, in anything it shows; the
library's own exceptions (whose text carries the URL) are never re-raised or chained.

urllib3 is imported when a client is made, not with this module: every provider module
imports this one, and reading a downloaded file must not load an HTTP stack.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Mapping, Sequence
from urllib.parse import quote

from checker.reference.model import Observation

if TYPE_CHECKING:
    from urllib3.util import Retry, Timeout

#: Statuses worth another try after a pause: rate limits and server trouble.
RETRY_STATUSES = (429, 500, 502, 503, 504)
#: The retry and timeout policy when set (tests shorten it); None means ``_default_policy``.
RETRIES: Retry | None = None
TIMEOUT: Timeout | None = None
HIDDEN = "***"


class FetchError(Exception):
    """A fetch that failed: one user-facing line naming the source, what happened and what to do."""


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
        """The provider's base URL: ``name`` (a mirror, a test server) or ``default``, no trailing slash."""
        url = self.setting(name, default).rstrip("/")
        if not url.lower().startswith(("http://", "https://")):
            raise FetchError(f"{name} must start with http:// or https://, not {url!r}")
        return url

    def key(self, name: str, provider: str, where: str) -> str:
        """The API key in environment variable ``name``, or a FetchError saying how to get one."""
        key = self.setting(name)
        if not key:
            raise FetchError(f"{provider} needs an API key: set {name} (free at {where})")
        return key


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


class Client:
    """GETs for one provider, with retries and timeouts, whose messages never show ``secrets``."""

    def __init__(self, provider: str, secrets: Sequence[str] = (), headers: Mapping[str, str] | None = None,
                 retries: Retry | None = None, timeout: Timeout | None = None) -> None:
        self.provider = provider
        self._secrets = [form for secret in secrets if secret for form in dict.fromkeys((secret, quote(secret, safe="")))]
        import urllib3
        default_retries, default_timeout = _default_policy()
        self._retries = retries or RETRIES or default_retries
        self._pool = urllib3.PoolManager(retries=self._retries, timeout=timeout or TIMEOUT or default_timeout,
                                         headers=dict(headers or {}))

    def redact(self, text: str) -> str:
        """``text`` with every secret (plain or URL-encoded) blanked."""
        for secret in self._secrets:
            text = text.replace(secret, HIDDEN)
        return text

    def get(self, url: str) -> Response:
        """The answer to a GET of ``url``; FetchError on no answer, or on 429/5xx after the retries."""
        import urllib3
        shown = self.redact(url)
        try:
            response = self._pool.request("GET", url)
        except urllib3.exceptions.MaxRetryError as error:
            raise FetchError(f"{self.provider}: no answer from {shown} ({_reason(error.reason)}, "
                             f"{self._retries.total} retries); check the address or try again later") from None
        except urllib3.exceptions.HTTPError as error:
            raise FetchError(f"{self.provider}: request to {shown} failed ({_reason(error)})") from None
        if response.status in RETRY_STATUSES:
            raise FetchError(f"{self.provider}: HTTP {response.status} from {shown} after "
                             f"{self._retries.total} retries; try again later")
        return Response(response.status, response.data.decode("utf-8", errors="replace"), shown)


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
    return type(error).__name__ if error is not None else "unknown error"
