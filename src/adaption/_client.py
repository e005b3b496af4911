"""`Adaption` and `AsyncAdaption`: configuration, the connection pool, and the two I/O loops.

Everything that decides (validation, retries, deadlines, errors) lives in `_call.py` and `_resources/`; the
loops here only send, read and sleep, once blocking and once with `await`.
"""

from __future__ import annotations

import ipaddress
import os
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import AbstractAsyncContextManager, AbstractContextManager
from functools import cached_property
from typing import TYPE_CHECKING, Any, Generic, Self, TypeVar

import httpx

from ._call import Call, Done, Retry
from ._constants import DEFAULT_BASE_URL, DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT
from ._exceptions import AdaptionError
from ._logging import setup_from_env
from ._version import __version__

if TYPE_CHECKING:
    from ._resources.datasets import AsyncDatasets, Datasets

__all__ = ["Adaption", "AsyncAdaption"]

_NOT_GIVEN: Any = object()
HttpT = TypeVar("HttpT", httpx.Client, httpx.AsyncClient)


class _SecretStr(str):
    """A str whose repr hides it, so that the key stays out of reprs, `vars()` dumps and debugger views."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "'<redacted>'"


def resolve_api_key(api_key: str | None) -> str:
    """The key from the argument or ADAPTION_API_KEY; errors name the source and never echo the key."""
    source = "the api_key argument"
    if api_key is None:
        api_key = os.environ.get("ADAPTION_API_KEY")
        source = "the ADAPTION_API_KEY environment variable"
    if api_key is None:
        raise AdaptionError(
            "No API key: pass api_key=... to the client or set the ADAPTION_API_KEY environment variable."
        )
    if not isinstance(api_key, str):
        raise AdaptionError(f"The API key from {source} must be a string, got {type(api_key).__name__}.")
    if not api_key:
        raise AdaptionError(f"The API key from {source} is empty (ADAPTION_API_KEY or api_key=...).")
    if any(ch.isspace() or ch == "\0" or ord(ch) < 32 or ord(ch) == 127 for ch in api_key):
        raise AdaptionError(
            f"The API key from {source} contains whitespace or a control character (CR, LF, NUL...); "
            "check ADAPTION_API_KEY for a stray newline or space. The key is not shown."
        )
    return _SecretStr(api_key)


def resolve_base_url(base_url: str | httpx.URL | None) -> str:
    """The base URL from the argument, ADAPTION_BASE_URL or the default; plain http only to loopback."""
    source = "base_url"
    if base_url is None:
        base_url = os.environ.get("ADAPTION_BASE_URL") or DEFAULT_BASE_URL
        source = "ADAPTION_BASE_URL" if os.environ.get("ADAPTION_BASE_URL") else "the default base URL"
    try:
        url = httpx.URL(str(base_url))
    except httpx.InvalidURL as exc:
        raise AdaptionError(f"{source} is not a valid URL: {exc}") from None
    if url.scheme not in ("https", "http") or not url.host:
        raise AdaptionError(f"{source} must be an absolute https:// URL, got {str(base_url)!r}.")
    if url.userinfo or url.query or url.fragment:
        raise AdaptionError(f"{source} must not carry credentials, a query or a fragment.")
    if url.scheme == "http" and not is_loopback(url.host):
        raise AdaptionError(
            f"{source} uses plain http:// to {url.host!r}: the API key would travel unencrypted. "
            "Use https://, or http:// only to localhost, 127.0.0.0/8 or ::1."
        )
    return str(url).rstrip("/")


def is_loopback(host: str) -> bool:
    """True for `localhost` and loopback addresses only; `localhost.evil.test` is not loopback."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def resolve_timeout(timeout: float | httpx.Timeout | None) -> tuple[httpx.Timeout, float | None]:
    """(per-operation timeouts, whole-call deadline in seconds or None)."""
    if timeout is None:
        return httpx.Timeout(None), None
    if isinstance(timeout, httpx.Timeout):
        limits = [value for value in (timeout.connect, timeout.read, timeout.write, timeout.pool) if value is not None]
        return timeout, (max(limits) if limits else None)
    if isinstance(timeout, bool) or not isinstance(timeout, int | float) or not timeout > 0:
        raise AdaptionError(f"timeout must be a positive number of seconds or an httpx.Timeout, got {timeout!r}.")
    seconds = float(timeout)
    return httpx.Timeout(seconds, connect=min(DEFAULT_TIMEOUT.connect or seconds, seconds)), seconds


def resolve_max_retries(max_retries: int) -> int:
    if isinstance(max_retries, bool) or not isinstance(max_retries, int) or max_retries < 0:
        raise AdaptionError(f"max_retries must be a whole number >= 0, got {max_retries!r}.")
    return max_retries


class _BaseClient(Generic[HttpT]):
    """What Adaption and AsyncAdaption share: resolved options, the headers every request carries, copies."""

    _http_type: type[HttpT]
    _http: HttpT

    def __init__(
        self,
        *,
        api_key: str | None = None,
        base_url: str | httpx.URL | None = None,
        timeout: float | httpx.Timeout | None = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        default_headers: Mapping[str, str] | None = None,
        http_client: HttpT | None = None,
    ) -> None:
        setup_from_env()
        self._api_key = resolve_api_key(api_key)
        self.base_url = resolve_base_url(base_url)
        self.timeout, self.deadline = resolve_timeout(timeout)
        self._timeout_option = timeout
        self.max_retries = resolve_max_retries(max_retries)
        self._default_headers = dict(default_headers or {})
        # Built once: every request carries these; per-call extra_headers are merged on top.
        # httpx.Headers masks Authorization in its repr.
        self.headers = httpx.Headers(
            {
                "Accept": "application/json",
                "Content-Type": "application/json",
                "User-Agent": f"adaption-python/{__version__}",
                **self._default_headers,
                "Authorization": f"Bearer {self._api_key}",
            }
        )
        if http_client is not None and not isinstance(http_client, self._http_type):
            raise AdaptionError(
                f"http_client must be an {self._http_type.__module__}.{self._http_type.__qualname__}, "
                f"got {type(http_client).__name__}."
            )
        self._owns_http = http_client is None
        self._http = http_client if http_client is not None else self._make_http()
        # What build_request would merge on every call, merged once: the pool's own headers (a caller's client
        # may carry some) under ours. Cookies are not sent: the API authenticates by bearer key only.
        self.request_headers = self._http.headers.copy()
        self.request_headers.update(self.headers)

    def _make_http(self) -> HttpT:
        # Redirects are never followed: the bearer key must only ever go to base_url.
        # httpx's default pool (100 connections, 20 kept alive). Keeping more alive measured slower, not faster:
        # at 50 concurrent calls, 100 keep-alive connections halved throughput (bench/, async figure), as
        # httpcore checks every idle connection on each request.
        return self._http_type(timeout=self.timeout, follow_redirects=False)

    def with_options(
        self,
        *,
        api_key: str | None = _NOT_GIVEN,
        base_url: str | httpx.URL | None = _NOT_GIVEN,
        timeout: float | httpx.Timeout | None = _NOT_GIVEN,
        max_retries: int = _NOT_GIVEN,
        default_headers: Mapping[str, str] | None = _NOT_GIVEN,
    ) -> Self:
        """A copy with other options that shares this client's connection pool; closing it closes nothing."""
        changes = {
            "api_key": api_key,
            "base_url": base_url,
            "timeout": timeout,
            "max_retries": max_retries,
            "default_headers": default_headers,
        }
        kwargs: dict[str, Any] = {
            "api_key": self._api_key,
            "base_url": self.base_url,
            "timeout": self._timeout_option,
            "max_retries": self.max_retries,
            "default_headers": self._default_headers,
        }
        kwargs.update({key: value for key, value in changes.items() if value is not _NOT_GIVEN})
        return type(self)(**kwargs, http_client=self._http)

    def __repr__(self) -> str:
        return f"{type(self).__name__}(base_url={self.base_url!r}, max_retries={self.max_retries})"


class Adaption(_BaseClient[httpx.Client]):
    """The Adaption API client.

    Args:
        api_key: defaults to the ADAPTION_API_KEY environment variable.
        base_url: defaults to ADAPTION_BASE_URL, then https://api.prod.adaptionlabs.ai.
        timeout: the deadline for a whole call in seconds, retries and waits included (default 60, connect 5),
            or an httpx.Timeout for per-operation limits.
        max_retries: retries after connection errors, timeouts, 408, 429 and 5xx (default 2).
        default_headers: headers sent with every request.
        http_client: an httpx.Client to use; the caller keeps ownership and closes it.
    """

    _http_type = httpx.Client

    @cached_property
    def datasets(self) -> Datasets:
        """Datasets and their augmentation runs."""
        from ._resources.datasets import Datasets

        return Datasets(self)

    def close(self) -> None:
        """Close the connection pool, unless it came from the caller or from `with_options`."""
        if self._owns_http:
            self._http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *args: object) -> None:
        self.close()

    def _send(self, call: Call) -> httpx.Response:
        """Send call's request until it succeeds, retries run out, or its deadline passes."""
        while True:
            request = call.build()
            try:
                decision: Retry | Done
                response = self._http.send(request, stream=True, follow_redirects=False)
                try:
                    # Checked between chunks: a server trickling bytes cannot hold the call past its deadline.
                    response.stream = _DeadlineStream(response.stream, call.check_deadline)
                    response.read()
                finally:
                    response.close()
            except httpx.TransportError as exc:
                decision = call.after_transport_error(exc)
            else:
                decision = call.after_response(response)
            if isinstance(decision, Done):
                return decision.response
            time.sleep(decision.wait)


class AsyncAdaption(_BaseClient[httpx.AsyncClient]):
    """The Adaption API client for asyncio and trio; the same options and surface as `Adaption`."""

    _http_type = httpx.AsyncClient

    @cached_property
    def datasets(self) -> AsyncDatasets:
        """Datasets and their augmentation runs."""
        from ._resources.datasets import AsyncDatasets

        return AsyncDatasets(self)

    async def aclose(self) -> None:
        """Close the connection pool, unless it came from the caller or from `with_options`."""
        if self._owns_http:
            await self._http.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *args: object) -> None:
        await self.aclose()

    async def _send(self, call: Call) -> httpx.Response:
        """Send call's request until it succeeds, retries run out, or its deadline passes."""
        while True:
            request = call.build()
            try:
                decision: Retry | Done
                # A hard deadline: cancellation stops a silent or trickling server, headers included.
                async with _deadline(call.remaining()):
                    response = await self._http.send(request, follow_redirects=False)
            except TimeoutError:
                raise call.timed_out() from None
            except httpx.TransportError as exc:
                decision = call.after_transport_error(exc)
            else:
                decision = call.after_response(response)
            if isinstance(decision, Done):
                return decision.response
            import anyio  # httpx's own dependency: sleeps on asyncio and trio alike; only loaded for a retry

            await anyio.sleep(decision.wait)


def _deadline(seconds: float | None) -> AbstractAsyncContextManager[object]:
    """A cancel scope that raises TimeoutError after seconds: asyncio's own where it runs (half the cost of
    anyio's, measured per call), anyio's on trio."""
    import asyncio  # loaded with the first async call, not with `import adaption`

    try:
        asyncio.current_task()
    except RuntimeError:  # not asyncio: trio
        import anyio

        return _AsyncScope(anyio.fail_after(seconds))
    return asyncio.timeout(seconds)


class _AsyncScope:
    """anyio's synchronous cancel scope, entered with `async with` like asyncio.timeout."""

    def __init__(self, scope: AbstractContextManager[object]) -> None:
        self._scope = scope

    async def __aenter__(self) -> object:
        return self._scope.__enter__()

    async def __aexit__(self, *exc: Any) -> bool | None:
        return self._scope.__exit__(*exc)


class _DeadlineStream(httpx.SyncByteStream):
    """A response body that checks the call's deadline after every chunk it hands over."""

    def __init__(self, stream: httpx.SyncByteStream | httpx.AsyncByteStream, check: Callable[[], None]) -> None:
        assert isinstance(stream, httpx.SyncByteStream)
        self._stream = stream
        self._check = check

    def __iter__(self) -> Iterator[bytes]:
        chunks = iter(self._stream)
        try:
            for chunk in chunks:
                self._check()
                yield chunk
        finally:
            close = getattr(chunks, "close", None)
            if close is not None:
                close()

    def close(self) -> None:
        self._stream.close()
