"""Client construction and lifecycle: key, base URL, timeouts, ownership of the connection pool, copies."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest

import adaption
from adaption import Adaption, AsyncAdaption

KEY = "sk-test-0123456789"


def test_key_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without api_key, ADAPTION_API_KEY is used and sent as a bearer token."""
    monkeypatch.setenv("ADAPTION_API_KEY", KEY)
    seen: list[str] = []

    def api(request: httpx.Request) -> httpx.Response:
        seen.append(request.headers["authorization"])
        return httpx.Response(
            200, json={"estimate": True, "estimatedCreditsConsumed": 1, "estimatedMinutes": 1, "run_id": None}
        )

    client = Adaption(http_client=httpx.Client(transport=httpx.MockTransport(api)))
    client.datasets.run("ds", estimate=True)
    assert seen == [f"Bearer {KEY}"]


def test_argument_wins_over_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """An explicit api_key is used even when the variable is set."""
    monkeypatch.setenv("ADAPTION_API_KEY", "from-env")
    assert str(Adaption(api_key=KEY).headers["authorization"]) == f"Bearer {KEY}"


@pytest.mark.parametrize(
    ("value", "words"),
    [
        (None, "No API key"),
        ("", "is empty"),
        ("sk-abc\n", "whitespace or a control character"),
        ("sk-abc\r", "whitespace or a control character"),
        ("sk abc", "whitespace or a control character"),
        ("\tsk-abc", "whitespace or a control character"),
    ],
)
def test_bad_keys_are_refused_without_echo(value: str | None, words: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """A missing, empty or malformed key (from the environment) names ADAPTION_API_KEY and never shows the key."""
    if value is not None:
        monkeypatch.setenv("ADAPTION_API_KEY", value)
    with pytest.raises(adaption.AdaptionError) as info:
        Adaption()
    text = str(info.value)
    assert words in text and "ADAPTION_API_KEY" in text
    if value:
        assert value.strip() not in text


@pytest.mark.parametrize("value", ["sk-abc\n", "sk-\x00abc", "sk-abc\x7f"])
def test_bad_key_argument_names_the_argument(value: str) -> None:
    """A bad api_key argument (NUL can only come this way) says it came from the argument, without the key."""
    with pytest.raises(adaption.AdaptionError, match="from the api_key argument contains whitespace") as info:
        Adaption(api_key=value)
    assert "abc" not in str(info.value)


@pytest.mark.parametrize(
    "url",
    [
        "https://api.prod.adaptionlabs.ai",
        "https://example.test/",
        "http://localhost:4010",
        "http://LOCALHOST",
        "http://127.0.0.1:8080",
        "http://127.5.6.7",
        "http://[::1]:4010",
    ],
)
def test_accepted_base_urls(url: str) -> None:
    """https anywhere, plain http to loopback only; a trailing slash is dropped."""
    assert Adaption(api_key=KEY, base_url=url).base_url == url.rstrip("/").lower()


@pytest.mark.parametrize(
    "url",
    [
        "http://example.test",
        "http://localhost.evil.test",
        "http://127.0.0.1.evil.test",
        "http://10.0.0.1",
        "http://[::2]",
        "ftp://localhost",
        "https://user:pass@example.test",
        "https://example.test/?token=1",
        "not a url",
    ],
)
def test_refused_base_urls(url: str) -> None:
    """Plain http to anything but loopback (look-alikes included), other schemes and credentials are refused."""
    with pytest.raises(adaption.AdaptionError, match="base_url"):
        Adaption(api_key=KEY, base_url=url)


def test_base_url_from_environment_and_default(monkeypatch: pytest.MonkeyPatch) -> None:
    """ADAPTION_BASE_URL is used when base_url is not given; otherwise the production URL."""
    assert Adaption(api_key=KEY).base_url == "https://api.prod.adaptionlabs.ai"
    monkeypatch.setenv("ADAPTION_BASE_URL", "http://127.0.0.1:4010/")
    assert Adaption(api_key=KEY).base_url == "http://127.0.0.1:4010"
    monkeypatch.setenv("ADAPTION_BASE_URL", "http://evil.test")
    with pytest.raises(adaption.AdaptionError, match="ADAPTION_BASE_URL uses plain http"):
        Adaption(api_key=KEY)


def test_timeouts() -> None:
    """Default 60 s with a 5 s connect; a float sets the deadline; an httpx.Timeout is kept as given."""
    client = Adaption(api_key=KEY)
    assert client.timeout == httpx.Timeout(60.0, connect=5.0) and client.deadline == 60.0
    client = Adaption(api_key=KEY, timeout=2.5)
    assert client.timeout == httpx.Timeout(2.5, connect=2.5) and client.deadline == 2.5
    custom = httpx.Timeout(10.0, read=30.0)
    client = Adaption(api_key=KEY, timeout=custom)
    assert client.timeout is custom and client.deadline == 30.0
    for bad in (0, -1, True, "60"):
        with pytest.raises(adaption.AdaptionError, match="timeout"):
            Adaption(api_key=KEY, timeout=bad)  # type: ignore[arg-type]


def test_max_retries_must_be_a_whole_number() -> None:
    for bad in (-1, 1.5, True):
        with pytest.raises(adaption.AdaptionError, match="max_retries"):
            Adaption(api_key=KEY, max_retries=bad)  # type: ignore[arg-type]


def test_caller_http_client_is_used_and_never_closed() -> None:
    """A caller's httpx.Client serves the requests and stays open after the SDK client closes."""
    calls: list[str] = []

    def api(request: httpx.Request) -> httpx.Response:
        calls.append(str(request.url))
        return httpx.Response(
            200, json={"estimate": True, "estimatedCreditsConsumed": 1, "estimatedMinutes": 1, "run_id": None}
        )

    http = httpx.Client(transport=httpx.MockTransport(api))
    with Adaption(api_key=KEY, http_client=http) as client:
        client.datasets.run("ds", estimate=True)
    assert calls and not http.is_closed
    http.close()


def test_wrong_http_client_type_is_refused() -> None:
    with pytest.raises(adaption.AdaptionError, match=r"http_client must be an httpx\.Client"):
        Adaption(api_key=KEY, http_client=httpx.AsyncClient())  # type: ignore[arg-type]


def test_own_pool_is_closed_and_copies_share_it() -> None:
    """with_options shares the pool; closing the copy leaves it open; closing the parent closes it."""
    parent = Adaption(api_key=KEY, max_retries=5)
    copy = parent.with_options(timeout=3, max_retries=0)
    assert copy._http is parent._http
    assert (copy.max_retries, copy.deadline, copy.base_url) == (0, 3.0, parent.base_url)
    assert parent.max_retries == 5
    copy.close()
    assert not parent._http.is_closed
    parent.close()
    assert parent._http.is_closed


@pytest.mark.anyio
async def test_async_lifecycle() -> None:
    """AsyncAdaption: async with closes its own pool; a copy's aclose does not."""
    async with AsyncAdaption(api_key=KEY) as parent:
        copy = parent.with_options(max_retries=0)
        await copy.aclose()
        assert not parent._http.is_closed
    assert parent._http.is_closed


def test_redirects_not_followed_even_by_a_following_caller_client() -> None:
    """A caller client that follows redirects still does not follow ours: the key stays with base_url."""
    hosts: list[str] = []

    def api(request: httpx.Request) -> httpx.Response:
        hosts.append(request.url.host)
        return httpx.Response(307, headers={"location": "https://evil.test/run"})

    http = httpx.Client(transport=httpx.MockTransport(api), follow_redirects=True)
    client = Adaption(api_key=KEY, http_client=http, max_retries=0)
    with pytest.raises(adaption.APIStatusError, match="not followed"):
        client.datasets.run("ds", estimate=True)
    assert hosts == ["api.prod.adaptionlabs.ai"]


def test_repr_shows_no_key() -> None:
    client = Adaption(api_key=KEY)
    assert KEY not in repr(client) and KEY not in repr(vars(client))
    assert repr(client) == "Adaption(base_url='https://api.prod.adaptionlabs.ai', max_retries=2)"


def test_user_agent_and_no_telemetry(client: Adaption, recorder: Any) -> None:
    """The User-Agent names the SDK and its version; no platform or telemetry headers are sent."""
    client.datasets.run("ds", estimate=True)
    headers = recorder.requests[0].headers
    assert headers["user-agent"] == f"adaption-python/{adaption.__version__}"
    assert not [name for name in headers if name.startswith(("x-stainless", "x-adaption"))]
    assert json.loads(recorder.requests[0].content) == {"estimate": True}


def test_caller_client_headers_are_sent_under_ours() -> None:
    """Headers set on a caller's httpx.Client go out with every call; ours win where both set one."""
    seen: list[httpx.Headers] = []

    def api(request: httpx.Request) -> httpx.Response:
        seen.append(request.headers)
        return httpx.Response(
            200, json={"estimate": True, "estimatedCreditsConsumed": 1, "estimatedMinutes": 1, "run_id": None}
        )

    http = httpx.Client(transport=httpx.MockTransport(api), headers={"X-Proxy-Token": "p", "User-Agent": "theirs"})
    Adaption(api_key=KEY, http_client=http).datasets.run("ds", estimate=True, extra_headers={"X-Call": "1"})
    assert seen[0]["x-proxy-token"] == "p" and seen[0]["x-call"] == "1"
    assert seen[0]["user-agent"] == f"adaption-python/{adaption.__version__}"
