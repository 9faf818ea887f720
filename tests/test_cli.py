"""The command line: the contract of ``python -m rhetoric analyze``, bad files, streaming,
``--jobs`` and ``--progress``."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from rhetoric import cli

REPO = Path(__file__).resolve().parent.parent

GOOD = "Chancellor Olaf Scholz met President Emmanuel Macron in Paris on Tuesday.\n"
OTHER = "Emmanuel Macron said Europe had to spend more on defence, officials in Berlin said.\n"
CP1252 = "Café owner José García said the mayor of Paris, Anne Hidalgo, would visit. “We are ready,” he said.\n"


@pytest.fixture
def files(tmp_path):
    """One good file, one of each kind of bad input, a cp1252 file and another good one."""
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_text("  \n\n\t \n", encoding="utf-8")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10")
    (tmp_path / "folder").mkdir()
    (tmp_path / "windows.txt").write_bytes(CP1252.encode("cp1252"))
    (tmp_path / "other.txt").write_text(OTHER, encoding="utf-8")
    return tmp_path


BAD = {
    "empty.txt": "the file is empty",
    "blank.txt": "only whitespace",
    "image.png": "binary",
    "missing.txt": "no such file",
    "folder": "is a directory",
}
ORDER = ["good.txt", "empty.txt", "blank.txt", "image.png", "missing.txt", "folder", "windows.txt", "other.txt"]


def _run(*args, cwd):
    return subprocess.run([sys.executable, "-m", "rhetoric", *args], cwd=cwd, capture_output=True,
                          text=True, timeout=300)


def test_bad_files_get_one_line_each_and_the_rest_of_the_batch_is_analysed(files):
    proc = _run("analyze", "--format", "jsonl", *ORDER, cwd=files)
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    errors = [line for line in proc.stderr.splitlines() if "warning:" not in line]
    assert len(errors) == len(BAD)
    for line, (name, problem) in zip(errors, BAD.items()):
        assert line.startswith(f"rhetoric: {name}: ") and problem in line
    objects = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [o["path"] for o in objects] == ["good.txt", "windows.txt", "other.txt"]
    [warning] = [line for line in proc.stderr.splitlines() if "warning:" in line]
    assert "windows.txt" in warning and "cp1252" in warning
    windows = objects[1]
    text = CP1252
    assert any("cp1252" in w for w in windows["warnings"])
    for item in windows["entities"]:
        assert text[item["start"]:item["end"]] == item["text"]
    assert any(e["text"] == "Anne Hidalgo" for e in windows["entities"])


@pytest.mark.parametrize("args", [[], ["analyze"], ["analyze", "--format", "xml", "x.txt"],
                                  ["analyze", "--jobs", "-1", "x.txt"], ["analyze", "--jobs", "many", "x.txt"],
                                  ["frobnicate"]])
def test_usage_errors_exit_2(args, capsys):
    assert cli.main(args) == 2
    assert "usage" in capsys.readouterr().err


def test_json_is_an_object_for_one_file_and_a_list_for_several(files, capsys, monkeypatch, nlp):
    monkeypatch.chdir(files)
    assert cli.main(["analyze", "good.txt"]) == 0
    one = json.loads(capsys.readouterr().out)
    assert isinstance(one, dict) and one["path"] == "good.txt"
    assert set(one) >= {"path", "entities", "quotes", "signals", "frames"}
    for item in one["entities"]:
        assert GOOD[item["start"]:item["end"]] == item["text"]
    assert cli.main(["analyze", "good.txt", "missing.txt", "other.txt"]) == 1
    several = json.loads(capsys.readouterr().out)
    assert [o["path"] for o in several] == ["good.txt", "other.txt"]
    assert several[0] == one
    assert cli.main(["analyze", "missing.txt", "empty.txt"]) == 1
    assert json.loads(capsys.readouterr().out) == []
    assert cli.main(["analyze", "missing.txt"]) == 1
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err == "rhetoric: missing.txt: no such file\n"


def test_table_format_is_readable_text(files, capsys, monkeypatch, nlp):
    monkeypatch.chdir(files)
    assert cli.main(["analyze", "--format", "table", "good.txt", "windows.txt"]) == 0
    out = capsys.readouterr().out
    assert "== good.txt" in out and "== windows.txt" in out and "Olaf Scholz" in out
    assert "warning: windows.txt: not UTF-8" in out


def test_an_internal_error_on_one_file_is_one_line_and_the_batch_goes_on(files, capsys, monkeypatch, nlp):
    from rhetoric import analysis

    real = analysis.run_layers

    def fragile(prepared, doc, path=None):
        if path == "good.txt":
            raise RuntimeError("a layer bug")
        return real(prepared, doc, path)

    monkeypatch.setattr(analysis, "run_layers", fragile)
    monkeypatch.chdir(files)
    assert cli.main(["analyze", "--format", "jsonl", "good.txt", "other.txt"]) == 1
    captured = capsys.readouterr()
    assert [json.loads(line)["path"] for line in captured.out.splitlines()] == ["other.txt"]
    [line] = captured.err.splitlines()
    assert line.startswith("rhetoric: good.txt: internal error") and "RuntimeError: a layer bug" in line


def test_output_is_streamed_a_batch_at_a_time(files, monkeypatch, nlp):
    read = []
    real = cli.read_prepared

    def counting(path):
        read.append(path)
        return real(path)

    monkeypatch.setattr(cli, "read_prepared", counting)
    monkeypatch.chdir(files)
    stream = cli.outcomes(["good.txt"] * 50, "jsonl", batch_size=4)
    first = next(stream)
    assert first.path == "good.txt" and first.output.startswith("{")
    assert len(read) <= 5  # one batch (plus the look-ahead), not the 50 files


def test_progress_bar_on_stderr_only_when_asked_or_on_a_terminal(files, capsys, monkeypatch, nlp):
    monkeypatch.chdir(files)
    assert cli.main(["analyze", "--format", "jsonl", "--progress", "good.txt", "other.txt"]) == 0
    captured = capsys.readouterr()
    assert "analysing" in captured.err and "/2 " in captured.err and "file" in captured.err
    assert len(captured.out.splitlines()) == 2  # nothing of the bar on stdout
    assert cli.main(["analyze", "--format", "jsonl", "good.txt", "other.txt"]) == 0
    assert capsys.readouterr().err == ""  # stderr is not a terminal here


def test_jobs_give_the_same_output_in_the_same_order(files, capsys, monkeypatch, nlp):
    names = ["good.txt", "missing.txt", "other.txt", "windows.txt", "good.txt", "other.txt"]
    monkeypatch.chdir(files)
    assert cli.main(["analyze", "--format", "jsonl", *names]) == 1
    serial = capsys.readouterr()
    parallel = _run("analyze", "--format", "jsonl", "--jobs", "2", *names, cwd=files)
    assert parallel.returncode == 1
    assert parallel.stdout == serial.out
    assert [json.loads(line)["path"] for line in parallel.stdout.splitlines()] == [
        "good.txt", "other.txt", "windows.txt", "good.txt", "other.txt"]
    assert parallel.stderr == serial.err
    assert "Traceback" not in parallel.stderr


def test_a_reader_that_stops_early_gets_no_traceback(files):
    proc = subprocess.Popen([sys.executable, "-m", "rhetoric", "analyze", "--format", "jsonl",
                             *["good.txt"] * 40], cwd=files, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)
    first = proc.stdout.readline()
    proc.stdout.close()
    err = proc.stderr.read()
    proc.wait(timeout=300)
    assert json.loads(first)["path"] == "good.txt"
    assert "Traceback" not in err and "Exception" not in err


def test_render_writes_a_report_and_refuses_bad_input_in_one_line(files, capsys, monkeypatch, nlp):
    monkeypatch.chdir(files)
    assert cli.main(["render", "good.txt", "-o", "report.html"]) == 0
    assert (files / "report.html").read_text(encoding="utf-8").lstrip().lower().startswith("<!doctype html")
    capsys.readouterr()
    assert cli.main(["render", "blank.txt", "-o", "r.html"]) == 1
    assert capsys.readouterr().err == "rhetoric: blank.txt: the file holds only whitespace\n"
    assert cli.main(["render", "good.txt", "-o", str(files / "no" / "such" / "dir.html")]) == 1
    assert "cannot write the report" in capsys.readouterr().err


def test_a_missing_model_is_one_line_with_the_install_hint(files, capsys, monkeypatch):
    import importlib.util

    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *args: None)
    monkeypatch.chdir(files)
    assert cli.main(["analyze", "--jobs", "2", "good.txt", "other.txt"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    [line] = captured.err.splitlines()
    assert line.startswith("rhetoric: ") and "pip install" in line
