"""The local API over real HTTP: a threaded stdlib server on loopback, and the faults that need a socket."""

from __future__ import annotations

import socket
import struct
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from adaption._client import is_loopback

from ._api import LocalAPI, Request


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as the real service and httpx's pool expect
    server: LocalServer

    def _serve(self) -> None:
        length = int(self.headers.get("content-length") or 0)
        body = self.rfile.read(length)
        request = Request(self.command, self.path, {k.lower(): v for k, v in self.headers.items()}, body)
        reply, fault = self.server.api.respond(request)
        kind = fault.kind if fault is not None else None
        if reply is None or kind == "reset_after":
            self._reset()
            return
        if kind == "delay_after" and fault is not None:
            time.sleep(fault.seconds)
        self.send_response(reply.status)
        for name, value in reply.headers:
            if name.lower() != "content-length":
                self.send_header(name, value)
        self.send_header("content-length", str(len(reply.body)))
        self.end_headers()
        if self.command == "HEAD":
            return
        try:
            if kind == "trickle" and fault is not None:
                self.wfile.flush()
                for index in range(len(reply.body)):
                    self.wfile.write(reply.body[index : index + 1])
                    self.wfile.flush()
                    time.sleep(fault.seconds)
            else:
                self.wfile.write(reply.body)
        except OSError:  # the client gave up (its deadline passed): nothing to answer
            self.close_connection = True

    def __getattr__(self, name: str) -> Any:
        # Every method, even QUERY or a made-up one, reaches the API, which answers 405 for all but POST (the
        # stdlib would answer 501 with an HTML page).
        if name.startswith("do_"):
            return self._serve
        raise AttributeError(name)

    def _reset(self) -> None:
        """Close with RST instead of FIN: the client sees a reset connection, not a clean end."""
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.close_connection = True
        self.connection.close()

    def finish(self) -> None:
        try:
            super().finish()
        except OSError:
            pass

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: the ledger and `LocalAPI.exchanges` are the record."""


class LocalServer(ThreadingHTTPServer):
    """The local API served over HTTP, on 127.0.0.1 unless told otherwise."""

    daemon_threads = True
    request_queue_size = 128  # many client threads may connect at once

    def __init__(self, api: LocalAPI, host: str = "127.0.0.1", port: int = 0) -> None:
        if not is_loopback(host) and host not in ("0.0.0.0", "::"):
            raise ValueError(f"host {host!r} is neither loopback nor a wildcard")
        self.api = api
        super().__init__((host, port), _Handler)

    @property
    def base_url(self) -> str:
        host, port = self.server_address[:2]
        host = str(host)
        return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"


@contextmanager
def serve(api: LocalAPI | None = None, *, host: str = "127.0.0.1", port: int = 0) -> Iterator[str]:
    """Serve `api` (a fresh LocalAPI by default) in a background thread; yields its base URL.

    with serve(api) as base_url:
        client = Adaption(api_key="demo-key", base_url=base_url)
    """
    server = LocalServer(api or LocalAPI(), host, port)
    # A short poll interval: shutdown() waits for it, and tests start and stop many servers.
    thread = threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.02}, name="adaption-local-api", daemon=True
    )
    thread.start()
    try:
        yield server.base_url
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
