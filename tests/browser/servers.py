"""Start JupyterLab and Voila for the browser tests, wait until they answer, and stop them cleanly.

Each server runs from the interpreter running the tests, on 127.0.0.1, a free port and a random token,
with its own throw-away Jupyter config, data, runtime and settings directories so nothing on the machine
(a user's settings, a stray `python3` kernelspec, a saved workspace) changes what the test sees. The user
settings turn the notebook's windowing off (off-screen outputs must be in the DOM to be checked) and turn
off every call to the internet (news, update checks, the extension manager).

Servers run in their own process group. Teardown asks the server to shut down (which stops its kernels),
then kills the group and any kernel still alive, so no test leaves a process behind.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

#: JupyterLab user settings, by settings file (plugin id with ':' replaced by '/').
LAB_USER_SETTINGS = {
    # 'none' attaches every cell to the DOM: the checks must see outputs far below the fold.
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"windowingMode": "none"},
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {
        "fetchNews": "false",
        "checkForUpdates": False,
    },
    "@jupyterlab/extensionmanager-extension/plugin.jupyterlab-settings": {"enabled": False},
    # Never write outputs into the repository's notebooks (they are committed without outputs).
    "@jupyterlab/docmanager-extension/plugin.jupyterlab-settings": {"autosave": False},
}

STARTUP_TIMEOUT = 90.0  # seconds; a cold JupyterLab on a busy 2-core CI runner takes ~5-15 s


class ServerError(RuntimeError):
    """A server did not start; the message carries the tail of its log."""


@dataclass
class Server:
    """A running Jupyter server: where to reach it and how to stop it."""

    name: str
    process: subprocess.Popen
    port: int
    token: str
    log_path: Path
    home: Path
    root_dir: Path = REPO
    children: set[int] = field(default_factory=set)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def url(self, path: str = "") -> str:
        """`path` on this server, with the token as a query parameter."""
        sep = "&" if "?" in path else "?"
        return f"{self.base_url}/{path.lstrip('/')}{sep}token={self.token}"

    def log_tail(self, lines: int = 40) -> str:
        try:
            text = self.log_path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return ""
        return "\n".join(text.splitlines()[-lines:])

    def remember_children(self) -> None:
        """Note the server's descendants (kernels live in their own session) so teardown finds them."""
        try:
            import psutil
        except ImportError:  # psutil comes with ipykernel; without it the process group kill remains
            return
        with contextlib.suppress(psutil.Error):
            for child in psutil.Process(self.process.pid).children(recursive=True):
                self.children.add(child.pid)


def free_port() -> int:
    """A TCP port that nothing listens on right now (the server is told not to retry others)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _isolated_env(home: Path) -> dict[str, str]:
    """Environment with private Jupyter dirs and the lab user settings written in."""
    dirs = {name: home / name for name in ("config", "data", "runtime", "settings", "workspaces", "ipython")}
    for path in dirs.values():
        path.mkdir(parents=True, exist_ok=True)
    for rel, settings in LAB_USER_SETTINGS.items():
        target = dirs["settings"] / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(settings, indent=2), encoding="utf-8")
    env = dict(os.environ)
    env.update(
        JUPYTER_CONFIG_DIR=str(dirs["config"]),
        JUPYTER_DATA_DIR=str(dirs["data"]),
        JUPYTER_RUNTIME_DIR=str(dirs["runtime"]),
        JUPYTERLAB_SETTINGS_DIR=str(dirs["settings"]),
        JUPYTERLAB_WORKSPACES_DIR=str(dirs["workspaces"]),
        IPYTHONDIR=str(dirs["ipython"]),
        JUPYTER_PLATFORM_DIRS="1",
        PYTHONUNBUFFERED="1",
        # The exercises save a learner's answers beside the notebook unless told otherwise: keep the
        # tests' answers out of the repository.
        RHETORIC_LAB_WORK=str(home / "my_rhetoric_lab_work.json"),
        # The kernels import the repo's package from the checkout, whatever is installed.
        PYTHONPATH=os.pathsep.join(p for p in (str(REPO), env.get("PYTHONPATH", "")) if p),
    )
    env.pop("JUPYTER_PATH", None)
    env.pop("JUPYTER_TOKEN", None)
    return env


def _root_flags() -> list[str]:
    return ["--allow-root"] if hasattr(os, "geteuid") and os.geteuid() == 0 else []


def lab_command(port: int, token: str, root_dir: Path, checkpoints: Path) -> list[str]:
    """The JupyterLab command line the tests use."""
    return [
        sys.executable, "-m", "jupyterlab",
        "--no-browser",
        *_root_flags(),
        "--ServerApp.ip=127.0.0.1",
        f"--ServerApp.port={port}",
        "--ServerApp.port_retries=0",
        f"--IdentityProvider.token={token}",
        f"--ServerApp.root_dir={root_dir}",
        # Checkpoints go to the throw-away home, not into notebooks/.ipynb_checkpoints of the repo.
        f"--FileCheckpoints.root_dir={checkpoints}",
        "--ServerApp.terminals_enabled=False",
        # window.jupyterapp: lets the tests run app commands and read kernel state directly.
        "--LabApp.expose_app_in_browser=True",
        "--LabApp.news_url=None",
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
        "--LanguageServerManager.autodetect=False",
    ]


def voila_command(port: int, token: str, notebook: Path) -> list[str]:
    """The Voila command line the tests use: the same dashboard `make present` serves."""
    return [
        sys.executable, "-m", "voila",
        str(notebook),
        "--no-browser",
        "--Voila.ip=127.0.0.1",
        f"--port={port}",
        "--Voila.port_retries=0",
        f"--token={token}",
        "--theme=light",
        "--show_tracebacks=True",  # a failing cell shows its traceback, which the test then reports
    ]


def _wait_until_ready(server: Server, path: str, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    last = "no answer yet"
    while time.monotonic() < deadline:
        code = server.process.poll()
        if code is not None:
            raise ServerError(f"{server.name} exited with code {code} before answering.\n{server.log_tail()}")
        try:
            with urllib.request.urlopen(server.url(path), timeout=5) as response:
                if response.status == 200:
                    return
                last = f"HTTP {response.status}"
        except (urllib.error.URLError, ConnectionError, OSError) as exc:
            last = str(exc)
        time.sleep(0.25)
    raise ServerError(f"{server.name} did not answer {path} within {timeout:.0f} s ({last}).\n{server.log_tail()}")


def stop(server: Server, grace: float = 10.0) -> None:
    """Shut the server down, kernels included; kill what is left. Safe to call twice."""
    server.remember_children()
    if server.process.poll() is None:
        if server.name == "jupyterlab":
            with contextlib.suppress(Exception):
                req = urllib.request.Request(server.url("api/shutdown"), method="POST", data=b"")
                urllib.request.urlopen(req, timeout=5).close()
        else:  # Voila shuts its kernels down on SIGTERM
            with contextlib.suppress(ProcessLookupError):
                server.process.send_signal(signal.SIGTERM)
        try:
            server.process.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            pass
    for sig in (signal.SIGTERM, signal.SIGKILL):
        if server.process.poll() is not None:
            break
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(server.process.pid, sig)
        with contextlib.suppress(subprocess.TimeoutExpired):
            server.process.wait(timeout=5)
    _kill_pids(server.children)
    # The server's own group may still hold helpers it started without a new session.
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(server.process.pid, signal.SIGKILL)


def _kill_pids(pids: set[int]) -> None:
    try:
        import psutil
    except ImportError:
        return
    procs = []
    for pid in pids:
        with contextlib.suppress(psutil.Error):
            proc = psutil.Process(pid)
            proc.terminate()
            procs.append(proc)
    _, alive = psutil.wait_procs(procs, timeout=5)
    for proc in alive:
        with contextlib.suppress(psutil.Error):
            proc.kill()
    psutil.wait_procs(alive, timeout=5)


@contextlib.contextmanager
def _run(name: str, make_command, ready_path: str, timeout: float, root_dir: Path = REPO, attempts: int = 3) -> Iterator[Server]:
    home = Path(tempfile.mkdtemp(prefix=f"rhetoric-{name}-"))
    env = _isolated_env(home)
    server = None
    try:
        for attempt in range(attempts):
            port, token = free_port(), secrets.token_hex(16)
            log_path = home / f"{name}-{attempt}.log"
            with open(log_path, "wb") as log:
                process = subprocess.Popen(
                    make_command(port, token, home),
                    cwd=REPO,
                    env=env,
                    stdin=subprocess.DEVNULL,
                    stdout=log,
                    stderr=subprocess.STDOUT,
                    start_new_session=True,  # its own process group, killed as one in teardown
                )
            server = Server(name, process, port, token, log_path, home, Path(root_dir))
            try:
                _wait_until_ready(server, ready_path, timeout)
                break
            except ServerError:
                stop(server)
                # Another process may have taken the port between free_port() and bind: try again.
                if attempt == attempts - 1 or "address already in use" not in server.log_tail(200).lower():
                    raise
        yield server
    finally:
        if server is not None:
            stop(server)
        shutil.rmtree(home, ignore_errors=True)


def jupyterlab(root_dir: Path = REPO, timeout: float = STARTUP_TIMEOUT) -> contextlib.AbstractContextManager[Server]:
    """A running JupyterLab serving `root_dir` (context manager)."""
    return _run("jupyterlab", lambda port, token, home: lab_command(port, token, root_dir, home / "checkpoints"), "api/status", timeout,
                root_dir)


def voila(notebook: Path, timeout: float = STARTUP_TIMEOUT) -> contextlib.AbstractContextManager[Server]:
    """A running Voila serving one notebook as a dashboard (context manager).

    Readiness is checked on a static asset: asking for the page itself would start a kernel and run the
    whole notebook before the browser even arrives.
    """
    return _run("voila", lambda port, token, home: voila_command(port, token, notebook), "voila/static/voila.js", timeout,
                Path(notebook).parent)
