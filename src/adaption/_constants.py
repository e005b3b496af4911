"""Defaults, in one place."""

import httpx

DEFAULT_BASE_URL = "https://api.prod.adaptionlabs.ai"
# A launch answers in seconds; 60 s covers a slow estimate on a large dataset. Connecting takes far less.
DEFAULT_TIMEOUT = httpx.Timeout(60.0, connect=5.0)
DEFAULT_MAX_RETRIES = 2
