"""Defaults, in one place."""

import httpx

DEFAULT_BASE_URL = "https://api.prod.adaptionlabs.ai"
# A launch answers in seconds; 60 s covers a slow estimate on a large dataset. Connecting takes far less.
DEFAULT_TIMEOUT = httpx.Timeout(60.0, connect=5.0)
DEFAULT_MAX_RETRIES = 2
# Enough keep-alive connections for a notebook's asyncio.gather of dozens of calls, as openai-python does:
# httpx's default of 20 closes and reopens connections under that load.
DEFAULT_LIMITS = httpx.Limits(max_connections=1000, max_keepalive_connections=100)
