"""The local API as an httpx transport, sync and async: no socket, the same rules and faults."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator, Iterator

import httpx

from ._api import LocalAPI, Request
from ._faults import Fault


class LocalTransport(httpx.BaseTransport, httpx.AsyncBaseTransport):
    """Pass to httpx.Client(transport=...) or httpx.AsyncClient(transport=...)."""

    def __init__(self, api: LocalAPI) -> None:
        self.api = api

    def _respond(self, request: httpx.Request) -> tuple[int, list[tuple[str, str]], bytes, Fault | None]:
        local = Request(
            request.method,
            request.url.raw_path.decode("ascii"),
            {k.lower(): v for k, v in request.headers.items()},
            request.read(),
        )
        reply, fault = self.api.respond(local)
        if reply is None:
            raise httpx.ConnectError("connection reset before the request was read (injected)", request=request)
        if fault is not None and fault.kind == "reset_after":
            raise httpx.ReadError("connection reset after the launch was recorded (injected)", request=request)
        return reply.status, list(reply.headers), reply.body, fault

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        status, headers, body, fault = self._respond(request)
        if fault is not None and fault.kind == "delay_after":
            time.sleep(fault.seconds)
        if fault is not None and fault.kind == "trickle":
            return httpx.Response(status, headers=headers, stream=_Trickle(body, fault.seconds), request=request)
        return httpx.Response(status, headers=headers, content=body, request=request)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        import anyio

        status, headers, body, fault = self._respond(request)
        if fault is not None and fault.kind == "delay_after":
            await anyio.sleep(fault.seconds)
        if fault is not None and fault.kind == "trickle":
            return httpx.Response(status, headers=headers, stream=_Trickle(body, fault.seconds), request=request)
        return httpx.Response(status, headers=headers, content=body, request=request)


class _Trickle(httpx.SyncByteStream, httpx.AsyncByteStream):
    """A body that arrives one byte at a time."""

    def __init__(self, body: bytes, seconds_per_byte: float) -> None:
        self.body = body
        self.seconds = seconds_per_byte

    def __iter__(self) -> Iterator[bytes]:
        for index in range(len(self.body)):
            time.sleep(self.seconds)
            yield self.body[index : index + 1]

    async def __aiter__(self) -> AsyncIterator[bytes]:
        import anyio

        for index in range(len(self.body)):
            await anyio.sleep(self.seconds)
            yield self.body[index : index + 1]
