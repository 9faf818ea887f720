"""A clean start for every class: work saved per user (never beside the notebooks), "Start again"
for one exercise, one notebook or everything (asking first), and no lock or work files in the
notebooks' file browser."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rhetoric.exercises import registry, store

REPO = Path(__file__).resolve().parent.parent


pytestmark = pytest.mark.usefixtures("fresh_work")


def test_the_default_work_file_is_in_the_users_jupyter_data_dir(monkeypatch, tmp_path):
    monkeypatch.delenv("RHETORIC_LAB_WORK")
    monkeypatch.setenv("JUPYTER_DATA_DIR", str(tmp_path / "jdata"))
    monkeypatch.chdir(REPO / "notebooks")
    path = store.default_path()
    assert path == tmp_path / "jdata" / "rhetoric-lab" / store.DEFAULT_NAME
    assert REPO not in path.parents  # never in the repository, whatever the working folder


def test_two_users_get_two_files(monkeypatch, tmp_path):
    monkeypatch.delenv("RHETORIC_LAB_WORK")
    monkeypatch.delenv("JUPYTER_DATA_DIR", raising=False)
    paths = set()
    for user in ("teacher", "student"):
        monkeypatch.setenv("HOME", str(tmp_path / user))
        monkeypatch.delenv("XDG_DATA_HOME", raising=False)
        paths.add(store.default_path())
    assert len(paths) == 2 and all(str(tmp_path) in str(p) for p in paths)


def test_lock_and_temporary_files_stay_beside_the_work_file(tmp_path):
    work = store.WorkStore(tmp_path / "private" / "work.json")
    assert work.put("choices", "00.2", "x")
    assert {p.name for p in (tmp_path / "private").iterdir()} <= {"work.json", "work.json.lock"}


def _answer_three():
    work = store.my_work()
    work.put("choices", "02.3", "Trump's")
    work.put("speakers", "02.6", {"811": "Trump"})
    work.put("marks", "03.5", [[1, 2]])
    registry.check("02.3", "Trump's")
    registry.check("03.4", "The sentence does not say")
    return work


def test_start_again_asks_before_it_clears():
    work = _answer_three()
    msg = store.start_again("02", confirm=False)
    assert "would clear" in msg and "confirm=True" in msg
    assert store.WorkStore(work.path).get("choices", "02.3") == "Trump's"


@pytest.mark.parametrize("scope, gone, kept", [
    ("02.6", {"02.6"}, {"02.3", "03.5"}),
    ("02", {"02.3", "02.6"}, {"03.5"}),
    ("everything", {"02.3", "02.6", "03.5"}, set()),
])
def test_start_again_clears_one_exercise_one_notebook_or_everything(scope, gone, kept):
    work = _answer_three()
    msg = store.start_again(scope, confirm=True)
    assert msg.startswith("Cleared")
    on_disk = json.loads(work.path.read_text())["sections"]
    saved = {k for section in ("choices", "speakers", "marks") for k in on_disk.get(section, {})}
    assert saved == kept
    assert ("02.3" in registry.PROGRESS.attempts) == ("02.3" not in gone)
    assert ("02.3" in on_disk["progress"].get("attempts", {})) == ("02.3" not in gone)
    assert ("03.4" in registry.PROGRESS.solved) == (scope != "everything")
    assert list(work.path.parent.glob("work.json.before-start-again-*"))  # a copy was kept


def test_start_again_with_an_unknown_scope_clears_nothing():
    work = _answer_three()
    assert store.start_again("07", confirm=True).startswith("Nothing cleared")
    assert store.WorkStore(work.path).get("choices", "02.3") == "Trump's"


def test_the_exercise_widget_starts_again_after_a_confirmation(seed_analysis):
    from rhetoric.exercises.widgets import Quiz, SpeakerChooser, WordMarker

    q = Quiz("03.2")
    q.choice.value = q.ex.options[1]
    q.again.button.click()
    assert q.again.box.layout.display == "flex"  # the question shows; nothing cleared yet
    assert store.my_work().get("choices", "03.2") == q.ex.options[1]
    q.again.no.click()
    assert q.choice.value == q.ex.options[1]
    q.again.button.click()
    q.again.yes.click()
    assert q.choice.value is None and store.my_work().get("choices", "03.2") is None
    store._WORK = None
    assert Quiz("03.2").choice.value is None  # also after a restart

    w = WordMarker("03.5")
    w.mark("likely")
    w.again.button.click()
    w.again.yes.click()
    assert w.marked_phrases() == [] and store.my_work().get("marks", "03.5") in (None, [])

    s = SpeakerChooser("02.6")
    s.choose(**{"811": "Trump"})
    s.again.button.click()
    s.again.yes.click()
    assert all(d.value == s.placeholder for d in s.dropdowns.values())


def test_the_work_panel_clears_a_notebook_and_copies_the_file(tmp_path, monkeypatch):
    from rhetoric.exercises.widgets import WorkPanel

    _answer_three()
    panel = WorkPanel()
    assert "answers so far" in panel.status.value
    panel.scope.value = "02"
    panel.again.button.click()
    assert "notebook 02" in panel.again.question.value
    panel.again.yes.click()
    assert "Cleared" in panel.message.value
    assert store.my_work().get("marks", "03.5") == [[1, 2]]
    monkeypatch.chdir(tmp_path)
    panel.copy_button.click()
    copies = list(tmp_path.glob("rhetoric_lab_work_*.json"))
    assert len(copies) == 1 and json.loads(copies[0].read_text())["sections"]["marks"]["03.5"] == [[1, 2]]


def test_the_lab_hides_lock_and_work_files_from_the_file_browser():
    config = json.loads((REPO / "jupyter" / "jupyter_server_config.json").read_text())
    globs = config["ContentsManager"]["hide_globs"]
    from fnmatch import fnmatch

    for name in ("my_rhetoric_lab_work.json", "my_rhetoric_lab_work.json.lock", "x.json.lock",
                 ".my_rhetoric_lab_work.json.abc.tmp", "__pycache__"):
        assert any(fnmatch(name, g) for g in globs), name
    assert not any(fnmatch("02_quotes.ipynb", g) for g in globs)
    makefile = (REPO / "Makefile").read_text()
    assert "jupyter/jupyter_server_config.json" in makefile


def test_starting_notebook_03_again_clears_the_frame_coding_sheet_too():
    work = _answer_three()
    work.put("frames", "economic_2", "yes")
    store.start_again("02", confirm=True)
    assert store.WorkStore(work.path).get("frames", "economic_2") == "yes"
    store.start_again("03", confirm=True)
    assert store.WorkStore(work.path).get("frames", "economic_2") is None


def test_the_kits_lab_settings_turn_off_the_news_pop_up():
    overrides = json.loads((REPO / "jupyter" / "overrides.json").read_text())
    note = overrides["@jupyterlab/apputils-extension:notification"]
    assert note["fetchNews"] == "false" and note["checkForUpdates"] is False
    makefile = (REPO / "Makefile").read_text()
    assert "share/jupyter/lab/settings/overrides.json" in makefile and "cp jupyter/overrides.json" in makefile
    assert "--LabApp.default_url=/lab/tree/notebooks/00_start_here.ipynb" in makefile
