"""The reference page's example, run against an in-process transport (no network, no account).

`nox -s build` runs it with the installed wheel; the full demo over HTTP is examples/quickstart.py.
"""

import json

import httpx

from adaption import Adaption
from adaption_api.models import DatasetRunResponse


def fake_api(request: httpx.Request) -> httpx.Response:
    """Answers as the reference page's example response does."""
    assert request.headers["authorization"] == "Bearer demo-key"
    body = json.loads(request.content)
    return httpx.Response(
        200,
        json={
            "estimate": body.get("estimate", False),
            "estimatedCreditsConsumed": 0,
            "estimatedMinutes": 0,
            "run_id": "dataset-550e8400-e29b-41d4-a716-446655440000-1712234567890",
        },
    )


client = Adaption(api_key="demo-key", http_client=httpx.Client(transport=httpx.MockTransport(fake_api)))
response = client.datasets.run(dataset_id="dataset_id", column_mapping={"prompt": "question"})
assert isinstance(response, DatasetRunResponse)
print(response.run_id)
