"""`python -m adaption.testing serve --port 4010`: the local Adaption API as a command, for demos and other tools."""

from __future__ import annotations

import argparse
import sys

from ._api import DEMO_CREDITS, DEMO_KEY, LocalAPI
from ._server import LocalServer


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m adaption.testing", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    serve = commands.add_parser("serve", help="serve the local API until interrupted")
    serve.add_argument("--host", default="127.0.0.1", help="address to bind (default: 127.0.0.1, loopback only)")
    serve.add_argument("--port", type=int, default=4010, help="port (0: any free port; default: 4010)")
    serve.add_argument("--seed", type=int, default=0, help="seed for run ids and request ids")
    args = parser.parse_args(argv)

    api = LocalAPI(seed=args.seed)
    server = LocalServer(api, args.host, args.port)
    print(f"Adaption local API: {server.base_url}", flush=True)
    print(f"API key: {DEMO_KEY} ({DEMO_CREDITS:g} credits); datasets: {', '.join(api.datasets)}", flush=True)
    print(f"  export ADAPTION_BASE_URL={server.base_url} ADAPTION_API_KEY={DEMO_KEY}", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
