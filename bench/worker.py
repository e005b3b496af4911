"""One measurement of one client, in a fresh process; prints one JSON object. Run by bench/run.py.

    python bench/worker.py CLIENT MEASURE [BASE_URL]

CLIENT is `ours`, `httpx` or `stainless` (run with the interpreter of the venv that has it); MEASURE is one of
import, cold, per_call, loopback, async, rss.
"""

from __future__ import annotations

import time

T0 = time.perf_counter()  # before any import: the cold-start clock

import gc  # noqa: E402
import json  # noqa: E402
import sys  # noqa: E402
from collections.abc import Callable  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

sys.path.insert(0, str(Path(__file__).parent))
from fixtures import (  # noqa: E402
    CONNECT_SECONDS,
    DATASET,
    KEY,
    PARAMS,
    PATH,
    TIMEOUT_SECONDS,
    fixed_transport,
)

IN_PROCESS_URL = "http://127.0.0.1:9"  # never dialled: the transport answers


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS")


def sync_client(kind: str, base_url: str, transport: Any = None) -> tuple[Any, Callable[[], Any]]:
    """(client, a function making the benchmark call once) for one of the three clients."""
    import httpx

    timeout = httpx.Timeout(TIMEOUT_SECONDS, connect=CONNECT_SECONDS)
    if kind == "httpx":
        client = httpx.Client(
            base_url=base_url,
            timeout=timeout,
            transport=transport,
            headers={"Authorization": f"Bearer {KEY}"},
        )
        return client, lambda: client.post(PATH, json=PARAMS).json()
    from adaption import Adaption  # ours or Stainless's, by the venv this runs in

    http = httpx.Client(transport=transport, timeout=timeout) if transport is not None else None
    if kind == "stainless" and http is None:
        sdk = Adaption(api_key=KEY, base_url=base_url, timeout=timeout)
    else:
        sdk = Adaption(api_key=KEY, base_url=base_url, timeout=timeout, http_client=http)
    return sdk, lambda: sdk.datasets.run(DATASET, **PARAMS)


def async_client(kind: str, base_url: str) -> tuple[Any, Callable[[], Any]]:
    import httpx

    timeout = httpx.Timeout(TIMEOUT_SECONDS, connect=CONNECT_SECONDS)
    if kind == "httpx":
        client = httpx.AsyncClient(
            base_url=base_url,
            timeout=timeout,
            headers={"Authorization": f"Bearer {KEY}"},
        )

        async def call() -> Any:
            return (await client.post(PATH, json=PARAMS)).json()

        return client, call
    from adaption import AsyncAdaption

    sdk = AsyncAdaption(api_key=KEY, base_url=base_url, timeout=timeout)
    return sdk, lambda: sdk.datasets.run(DATASET, **PARAMS)


def _import(kind: str) -> None:
    if kind == "httpx":
        import httpx  # noqa: F401
    else:
        import adaption  # noqa: F401


def measure_import(kind: str, base_url: str) -> dict[str, float]:
    start = time.perf_counter()
    _import(kind)
    return {"seconds": time.perf_counter() - start}


def measure_cold(kind: str, base_url: str) -> dict[str, float]:
    """Import, build a client, one call over loopback: from the first line of this process."""
    _, call = sync_client(kind, base_url)
    call()
    return {"seconds": time.perf_counter() - T0}


def measure_per_call(kind: str, base_url: str) -> dict[str, float]:
    """The client's own work per call: an in-process transport takes the network out."""
    _, call = sync_client(kind, IN_PROCESS_URL, fixed_transport())
    for _ in range(200):  # warm-up: lazy imports, caches
        call()
    n = 3000
    gc.collect()
    start = time.perf_counter()
    for _ in range(n):
        call()
    return {"seconds": (time.perf_counter() - start) / n}


def measure_loopback(kind: str, base_url: str) -> dict[str, float]:
    _, call = sync_client(kind, base_url)
    for _ in range(200):
        call()
    n = 2000
    start = time.perf_counter()
    for _ in range(n):
        call()
    return {"seconds": (time.perf_counter() - start) / n}


def measure_async(kind: str, base_url: str) -> dict[str, float]:
    import asyncio

    async def throughput(concurrency: int = 50, batches: int = 30) -> float:
        client, call = async_client(kind, base_url)
        async with client:
            await asyncio.gather(*(call() for _ in range(concurrency)))  # warm-up: open the connections
            start = time.perf_counter()
            for _ in range(batches):
                await asyncio.gather(*(call() for _ in range(concurrency)))
            return concurrency * batches / (time.perf_counter() - start)

    return {"calls_per_second": asyncio.run(throughput())}


def measure_rss(kind: str, base_url: str) -> dict[str, float]:
    baseline = rss_mb()
    _import(kind)
    after_import = rss_mb()
    _, call = sync_client(kind, IN_PROCESS_URL, fixed_transport())
    for _ in range(2000):
        call()
    gc.collect()
    return {"after_import_mb": after_import - baseline, "after_calls_mb": rss_mb() - baseline}


MEASURES = {
    "import": measure_import,
    "cold": measure_cold,
    "per_call": measure_per_call,
    "loopback": measure_loopback,
    "async": measure_async,
    "rss": measure_rss,
}


if __name__ == "__main__":
    kind, what = sys.argv[1], sys.argv[2]
    print(json.dumps(MEASURES[what](kind, sys.argv[3] if len(sys.argv) > 3 else IN_PROCESS_URL)))
