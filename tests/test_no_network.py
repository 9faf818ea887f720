"""No network at runtime: the analysis and the report work with every socket blocked, and
the report fetches nothing when opened (plotly.js is inline, no external scripts, styles
or images), so a class offline after install loses nothing."""

from __future__ import annotations

import re
import socket
import subprocess
import sys
import textwrap
from html.parser import HTMLParser
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SEED = next((REPO / "seeds").glob("*.txt"))


class NetworkBlocked(OSError):
    pass


def _refuse(*args, **kwargs):
    raise NetworkBlocked(f"network access attempted: {args[:2]!r}")


@pytest.fixture
def no_network(monkeypatch):
    for name in ("connect", "connect_ex", "sendto"):
        monkeypatch.setattr(socket.socket, name, _refuse)
    monkeypatch.setattr(socket, "create_connection", _refuse)
    monkeypatch.setattr(socket, "getaddrinfo", _refuse)
    with pytest.raises(NetworkBlocked):  # the block is really in place
        socket.create_connection(("example.org", 80), timeout=1)
    with pytest.raises(NetworkBlocked):
        socket.socket().connect(("127.0.0.1", 9))


_CSS_URL = re.compile(r"""(?:url\(\s*['"]?|@import\s+['"])([^'")\s]+)""")


class _Fetches(HTMLParser):
    """URLs a browser would fetch on opening the page (links a reader clicks do not count)."""

    def __init__(self):
        super().__init__()
        self.urls = []
        self._in_style = False

    def handle_data(self, data):
        if self._in_style:
            self.urls.extend(_CSS_URL.findall(data))

    def handle_endtag(self, tag):
        if tag == "style":
            self._in_style = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self._in_style = self._in_style or tag == "style"
        self.urls.extend(_CSS_URL.findall(a.get("style") or ""))
        fetched = {"script": "src", "img": "src", "iframe": "src", "source": "src", "video": "src",
                   "audio": "src", "embed": "src", "object": "data", "image": "href"}
        if tag in fetched and a.get(fetched[tag]):
            self.urls.append(a[fetched[tag]])
        if tag == "link" and a.get("href") and (a.get("rel") or "").lower() != "canonical":
            self.urls.append(a["href"])

    handle_startendtag = handle_starttag


def _remote_fetches(html: str) -> list[str]:
    p = _Fetches()
    p.feed(html)
    return [u for u in p.urls if not u.startswith(("data:", "#"))]


def test_analysis_and_report_run_with_sockets_blocked(no_network, seed_text, nlp):
    import rhetoric
    from rhetoric.present import highlight_html
    from rhetoric.report import render_report

    a = rhetoric.analyze(seed_text, path=SEED.name)
    assert a.entities
    html = render_report(a)
    assert "<html" in html.lower()
    assert highlight_html(a)
    assert _remote_fetches(html) == []


def test_a_fresh_process_loads_the_model_analyses_and_renders_with_sockets_blocked(tmp_path):
    """Everything from import to the written report, in a process that never had a socket."""
    report = tmp_path / "report.html"
    code = textwrap.dedent(f"""
        import socket, sys
        def refuse(*a, **k):
            raise OSError("network access attempted")
        for name in ("connect", "connect_ex", "sendto"):
            setattr(socket.socket, name, refuse)
        socket.create_connection = refuse
        socket.getaddrinfo = refuse
        try:
            socket.create_connection(("example.org", 80))
            sys.exit("the block is not in place")
        except OSError:
            pass
        from rhetoric.cli import main
        rc = main(["render", {str(SEED)!r}, "-o", {str(report)!r}])
        rc = rc or main(["analyze", "--format", "jsonl", {str(SEED)!r}])
        sys.exit(rc)
    """)
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300, cwd=REPO)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "network access attempted" not in proc.stderr
    assert '"entities"' in proc.stdout
    assert _remote_fetches(report.read_text(encoding="utf-8")) == []
