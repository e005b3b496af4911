"""A local Adaption API for demos and tests: the endpoint's contract, a credit ledger, and fault injection.

    from adaption import Adaption
    from adaption.testing import LocalAPI, Fault, serve

    api = LocalAPI()                       # demo catalogue, key "demo-key" with 1000 credits
    api.faults.add(Fault.status_code(503, retry_after="0"))
    with serve(api) as base_url:           # real HTTP on 127.0.0.1, a free port
        client = Adaption(api_key="demo-key", base_url=base_url)
        client.datasets.run("ds_demo", column_mapping={"prompt": "question"})
    assert len(api.ledger.reservations) == 1

In process, without a socket: `Adaption(api_key="demo-key", http_client=httpx.Client(transport=api.transport()))`.
As a command: `python -m adaption.testing serve --port 4010`. `import adaption` never imports this package.
"""

from ._api import DEFAULT_DATASETS, DEMO_CREDITS, DEMO_KEY, Dataset, Ledger, LocalAPI, Pricing, Reservation
from ._faults import Fault, FaultPlan
from ._server import LocalServer, serve
from ._transport import LocalTransport

__all__ = [
    "DEFAULT_DATASETS",
    "DEMO_CREDITS",
    "DEMO_KEY",
    "Dataset",
    "Fault",
    "FaultPlan",
    "Ledger",
    "LocalAPI",
    "LocalServer",
    "LocalTransport",
    "Pricing",
    "Reservation",
    "serve",
]
