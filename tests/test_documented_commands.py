"""Every command the README, the teacher's guide and the classroom notes show works as written
after `make lab`: it is a `make` target that exists, or runs the kit's own `.venv/bin/...`, never a
bare `python` that would miss the virtual environment. The cheap ones are run.
"""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
DOCS = [REPO / "README.md", REPO / "docs" / "classroom.md", REPO / "notebooks" / "TEACHERS_GUIDE.md"]
_TOOLS = ("make", "python", "python3", "pip", "jupyter", "voila", ".venv/bin/", ".venv\\Scripts\\")
#: Commands that legitimately run outside the virtual environment: the one that creates it.
_BEFORE_VENV = {"python -m venv .venv", "python3 -m venv .venv"}


def _is_command(text: str) -> bool:
    return text.startswith(_TOOLS) and not text.startswith(("python 3", "make`"))


def documented_commands() -> list[tuple[str, str]]:
    """``(file name, command)`` for every command in a shell block or an inline code span."""
    out = []
    for doc in DOCS:
        md = doc.read_text(encoding="utf-8")
        for block in re.finditer(r"```(?:bash|sh|shell|console)\n(.*?)```", md, re.S):
            for line in block.group(1).splitlines():
                line = line.split("  #")[0].split(" # ")[0].strip()
                if line and not line.startswith("#") and _is_command(line):
                    out.append((doc.name, line))
        prose = re.sub(r"```.*?```", "", md, flags=re.S)
        for span in re.findall(r"`([^`\n]+)`", prose):
            span = span.strip()
            if _is_command(span) and " " in span or span == "make":
                out.append((doc.name, span))
    return out


COMMANDS = documented_commands()


def _make_targets() -> set[str]:
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    return set(re.findall(r"^([a-z][\w-]*):", makefile, re.M))


def test_the_docs_show_commands_at_all():
    assert len(COMMANDS) >= 10
    assert any(c.startswith("make present LESSON=") for _, c in COMMANDS)


@pytest.mark.parametrize("doc, command", COMMANDS)
def test_no_command_needs_a_python_outside_the_virtual_environment(doc, command):
    head = command.split()[0]
    if command in _BEFORE_VENV:
        return
    assert head not in ("python", "python3", "pip", "jupyter", "voila"), (
        f"{doc}: `{command}` fails outside the virtual environment; write .venv/bin/{head} or a make target")


@pytest.mark.parametrize("doc, command", [(d, c) for d, c in COMMANDS if c.startswith("make")])
def test_every_documented_make_target_exists_and_parses(doc, command):
    words = shlex.split(command)
    targets = [w for w in words[1:] if "=" not in w and not w.startswith("-")]
    for t in targets:
        assert t in _make_targets(), f"{doc}: no make target {t!r}"
    if targets:
        # a dry run: make parses the rule and expands its variables, nothing is executed
        proc = subprocess.run(["make", "-n", *words[1:], f"VENV={Path(sys.executable).parent.parent}"],
                              cwd=REPO, capture_output=True, text=True, timeout=60)
        assert proc.returncode == 0, proc.stderr


def test_make_present_lesson_picks_that_notebook_and_refuses_a_missing_one():
    for n, name in ((2, "02_quotes.ipynb"), (0, "00_start_here.ipynb"), (3, "03_framing.ipynb")):
        proc = subprocess.run(["make", "-n", "present", f"LESSON={n}", f"VENV={Path(sys.executable).parent.parent}"],
                              cwd=REPO, capture_output=True, text=True, timeout=60)
        assert f"notebooks/{name}" in proc.stdout
    proc = subprocess.run(["make", "present", "LESSON=9", f"VENV={Path(sys.executable).parent.parent}"],
                          cwd=REPO, capture_output=True, text=True, timeout=60)
    assert proc.returncode != 0 and "no notebook numbered 9" in proc.stdout + proc.stderr


def _venv_python() -> str:
    """The kit's .venv python when it exists (after `make lab`), else the one running the tests."""
    venv = REPO / ".venv" / "bin" / "python"
    return str(venv) if venv.exists() else sys.executable


_CHEAP = [c for _, c in COMMANDS if c.startswith(".venv/bin/python -m rhetoric ") and "FILE" not in c
          and "..." not in c]


def test_some_documented_kit_commands_are_cheap_enough_to_run():
    assert _CHEAP, "the guide's render command is expected here"


@pytest.mark.parametrize("command", sorted(set(_CHEAP)))
def test_documented_kit_commands_run_as_written(command, tmp_path):
    words = shlex.split(command)
    words[0] = _venv_python()
    if "-o" in words:  # write the output where the test can look, not into the repository
        i = words.index("-o")
        words[i + 1] = str(tmp_path / Path(words[i + 1]).name)
    proc = subprocess.run(words, cwd=REPO, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-2000:]
    if "-o" in words:
        assert Path(words[words.index("-o") + 1]).stat().st_size > 1000


def test_the_jupyter_data_dir_command_of_the_guide_exists():
    proc = subprocess.run([str(Path(sys.executable).parent / "jupyter"), "--data-dir"], capture_output=True,
                          text=True, timeout=60)
    assert proc.returncode == 0 and proc.stdout.strip()
