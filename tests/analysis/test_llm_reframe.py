"""The optional chat reframer against a fake OpenAI-compatible server on 127.0.0.1."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import Any

import pytest

from selfkind.analysis.llm_reframe import ChatReframer, build_reframer, clean_reply
from selfkind.analysis.reframes import ReframeRequest, load_template_reframer
from selfkind.analysis.situation import find_situation
from selfkind.core.pillars import Stance

GOOD = ("Missing the deadline stings, and lots of people have been there. "
        "You can send a short note today and give yourself some credit for owning it.")


class FakeChat:
    """What the fake server answers next, and what it was sent."""

    def __init__(self) -> None:
        self.reply: Any = {"choices": [{"message": {"role": "assistant", "content": GOOD}}]}
        self.status = 200
        self.delay = 0.0
        self.requests: list[dict[str, Any]] = []
        self.paths: list[str] = []


@pytest.fixture
def chat() -> Iterator[tuple[FakeChat, str]]:
    state = FakeChat()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            length = int(self.headers["Content-Length"])
            state.paths.append(self.path)
            state.requests.append(json.loads(self.rfile.read(length)))
            time.sleep(state.delay)
            body = (state.reply if isinstance(state.reply, bytes)
                    else json.dumps(state.reply).encode())
            self.send_response(state.status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield state, f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


TEXT = "I'm such an idiot, I missed the deadline again."
REQUEST = ReframeRequest(text=TEXT, dominant=Stance.SELF_JUDGMENT, patterns=("labeling",),
                         situation=find_situation([TEXT]))


def reframer(url: str, timeout: float = 2.0) -> ChatReframer:
    return ChatReframer(url=url, model="fake-llama", timeout=timeout,
                        fallback=load_template_reframer())


def test_uses_the_chat_reply(chat: tuple[FakeChat, str]) -> None:
    state, url = chat
    assert reframer(url + "/").reframe(REQUEST) == GOOD
    assert state.paths == ["/v1/chat/completions"]
    sent = state.requests[0]
    assert sent["model"] == "fake-llama"
    assert sent["messages"][-1] == {"role": "user", "content": TEXT}
    assert "you should" in sent["messages"][0]["content"].lower()  # told never to say it


def test_falls_back_when_the_server_is_down() -> None:
    template = load_template_reframer().reframe(REQUEST)
    # Port 9 (discard) on localhost: nothing listens there in the test machine.
    assert reframer("http://127.0.0.1:9").reframe(REQUEST) == template


@pytest.mark.parametrize("reply", [
    b"not json at all",
    {"choices": []},
    {"choices": [{"message": {"content": None}}]},
    {"choices": [{"message": {"content": "ok"}}]},
    {"choices": [{"message": {"content": "You should just stop worrying about deadlines."}}]},
])
def test_falls_back_on_junk(chat: tuple[FakeChat, str], reply: Any) -> None:
    state, url = chat
    state.reply = reply
    assert reframer(url).reframe(REQUEST) == load_template_reframer().reframe(REQUEST)


def test_falls_back_on_error_status_and_when_slow(chat: tuple[FakeChat, str]) -> None:
    state, url = chat
    template = load_template_reframer().reframe(REQUEST)
    state.status = 500
    assert reframer(url).reframe(REQUEST) == template
    state.status, state.delay = 200, 1.0
    started = time.perf_counter()
    assert reframer(url, timeout=0.2).reframe(REQUEST) == template
    assert time.perf_counter() - started < 0.9


def test_no_url_means_templates_only() -> None:
    fallback = load_template_reframer()
    assert build_reframer(url=None, model="m", timeout=1.0, fallback=fallback) is fallback


def test_clean_reply_flattens_whitespace() -> None:
    assert clean_reply('  "That sounds\n\nreally hard, and it makes sense."  ') == (
        "That sounds really hard, and it makes sense.")


@pytest.mark.model
def test_engine_asks_the_chat_endpoint_only_when_there_is_no_crisis(
        chat: tuple[FakeChat, str], parts: dict[str, Any], calm_detector: Any,
        alarm_detector: Any) -> None:
    from selfkind.analysis.engine import AnalyzerEngine
    from selfkind.core.analysis import CrisisLevel

    state, url = chat
    chatty = reframer(url)
    calm = AnalyzerEngine(**{**parts, "detector": calm_detector, "reframer": chatty})
    alarmed = AnalyzerEngine(**{**parts, "detector": alarm_detector, "reframer": chatty})
    result = alarmed.analyze(TEXT)
    assert result.crisis_level is CrisisLevel.LIKELY and result.reframe is None
    assert state.requests == []  # nothing left the machine
    assert calm.analyze(TEXT).reframe == GOOD
    assert len(state.requests) == 1
