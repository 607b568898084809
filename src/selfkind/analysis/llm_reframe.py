"""Optional reframes from an OpenAI-compatible chat endpoint (e.g. a local llama).

Only asked after the crisis check found nothing (the engine never calls a
reframer in a crisis). Anything short of a usable answer - the server down,
slow past ``timeout``, an error status, malformed JSON, or text that breaks the
house rules - falls back to the deterministic template reframe.
"""

from __future__ import annotations

import re
from typing import Any

import httpx

from selfkind.analysis.reframes import Reframer, ReframeRequest, TemplateReframer

MIN_CHARS = 20
MAX_CHARS = 800
# Replies that break the house rules or are not a reframe at all.
_REJECT = re.compile(
    r"you\s+should|as\s+an\s+ai|i\s+can(?:'|no)t\s+help|i'm\s+sorry,\s+but|https?://",
    re.IGNORECASE,
)


class ChatReframer:
    """POSTs to ``{url}/v1/chat/completions``; falls back to ``fallback``."""

    def __init__(self, *, url: str, model: str, timeout: float, fallback: TemplateReframer,
                 client: httpx.Client | None = None) -> None:
        self._endpoint = url.rstrip("/") + "/v1/chat/completions"
        self._model = model
        self._timeout = timeout
        self._fallback = fallback
        self._client = client or httpx.Client(timeout=timeout)

    def reframe(self, request: ReframeRequest) -> str | None:
        template = self._fallback.reframe(request)
        if template is None:
            return None
        answer = self._ask(request.text)
        return answer if answer is not None else template

    def _ask(self, text: str) -> str | None:
        payload = {
            "model": self._model,
            "temperature": 0.3,
            "max_tokens": 220,
            "messages": [
                {"role": "system", "content": self._fallback.templates.llm_system},
                {"role": "user", "content": text},
            ],
        }
        try:
            response = self._client.post(self._endpoint, json=payload, timeout=self._timeout)
            response.raise_for_status()
            data: Any = response.json()
            content = data["choices"][0]["message"]["content"]
        except (httpx.HTTPError, ValueError, KeyError, IndexError, TypeError):
            return None
        return clean_reply(content)

    def close(self) -> None:
        self._client.close()


def clean_reply(content: object) -> str | None:
    """The reply as one plain paragraph, or None when it is not usable."""
    if not isinstance(content, str):
        return None
    text = " ".join(content.strip().strip('"').split())
    if not MIN_CHARS <= len(text) <= MAX_CHARS or _REJECT.search(text):
        return None
    return text


def build_reframer(*, url: str | None, model: str, timeout: float,
                   fallback: TemplateReframer) -> Reframer:
    """The chat reframer when a URL is configured, else the template one."""
    if not url:
        return fallback
    return ChatReframer(url=url, model=model, timeout=timeout, fallback=fallback)
