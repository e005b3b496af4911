"""What every benchmark shares: the call, the canned answer, an in-process transport and a minimal fast server.

Only stdlib and httpx here: this module is imported by all three clients' workers, the Stainless one included.
"""

from __future__ import annotations

import json
import sys

KEY = "bench-key"
DATASET = "ds_demo"
PATH = f"/api/v1/datasets/{DATASET}/run"
# The central call: a real launch with a column mapping and a row cap.
PARAMS = {"column_mapping": {"prompt": "question", "completion": "answer"}, "job_specification": {"max_rows": 100}}
ANSWER = json.dumps(
    {
        "estimate": False,
        "estimatedCreditsConsumed": 1.31,
        "estimatedMinutes": 1.1,
        "run_id": "dataset-550e8400-e29b-41d4-a716-446655440000-1712234567890",
    }
).encode()
TIMEOUT_SECONDS = 60.0
CONNECT_SECONDS = 5.0
# Pool limits: httpx's defaults (100 connections, 20 kept alive) for raw httpx, as for our client.


def fixed_transport() -> object:
    """An httpx transport that answers every request with ANSWER: the cost of the network taken out."""
    import httpx

    class FixedTransport(httpx.BaseTransport, httpx.AsyncBaseTransport):
        def handle_request(self, request: httpx.Request) -> httpx.Response:
            request.read()
            return httpx.Response(200, headers=[("content-type", "application/json")], content=ANSWER)

        async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
            await request.aread()
            return httpx.Response(200, headers=[("content-type", "application/json")], content=ANSWER)

    return FixedTransport()


def serve_forever(port: int = 0) -> None:
    """Run the minimal server on 127.0.0.1 (asyncio, no threads), printing its base URL first."""
    import asyncio

    class Answer(asyncio.Protocol):
        """HTTP/1.1 keep-alive: read a request (headers + Content-Length body), answer ANSWER."""

        RESPONSE = (
            b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\nx-request-id: req_bench\r\n"
            + f"content-length: {len(ANSWER)}\r\n\r\n".encode()
            + ANSWER
        )

        def connection_made(self, transport: asyncio.BaseTransport) -> None:
            self.transport = transport
            self.buffer = b""

        def data_received(self, data: bytes) -> None:
            self.buffer += data
            while True:
                end = self.buffer.find(b"\r\n\r\n")
                if end < 0:
                    return
                length = 0
                for line in self.buffer[:end].split(b"\r\n")[1:]:
                    name, _, value = line.partition(b":")
                    if name.strip().lower() == b"content-length":
                        length = int(value)
                if len(self.buffer) < end + 4 + length:
                    return
                self.buffer = self.buffer[end + 4 + length :]
                self.transport.write(self.RESPONSE)  # type: ignore[attr-defined]

    async def serve() -> None:
        loop = asyncio.get_running_loop()
        server = await loop.create_server(Answer, "127.0.0.1", port, backlog=1024)
        print(f"http://127.0.0.1:{server.sockets[0].getsockname()[1]}", flush=True)
        await server.serve_forever()

    asyncio.run(serve())


if __name__ == "__main__":
    # `python bench/fixtures.py serve`: the minimal fast server, in its own process, on a free loopback port.
    serve_forever(int(sys.argv[2]) if len(sys.argv) > 2 else 0)
