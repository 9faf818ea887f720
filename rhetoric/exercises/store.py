"""The learner's work file: annotations, coding sheets, rewrites and progress, saved as they go.

Everything a learner types or marks in a widget is written at once to one JSON file they can
reload, download or hand in. Saving is atomic (write a temporary file beside it, then
``os.replace``), so a crash or a full disk never leaves half a file; two notebooks open at once
merge their changes under a lock instead of overwriting each other's; a file that cannot be
read is kept aside (renamed, never deleted) and a fresh one started.

The file is ``my_rhetoric_lab_work.json`` in the user's own Jupyter data folder
(``jupyter_core.paths.jupyter_data_dir()/rhetoric-lab``; ``~/.rhetoric-lab`` when Jupyter is not
installed), never in the repository or next to the notebooks: a teacher's rehearsal on the class
projector is not the class's work, and every user of a shared machine or hub has their own file.
The ``RHETORIC_LAB_WORK`` environment variable names another path. Its lock and temporary files
live beside it, out of the notebooks' file browser.

``start_again`` clears one exercise, one notebook or everything (the file is kept aside first).
"""

from __future__ import annotations

import contextlib
import copy
import json
import os
import tempfile
import time
from pathlib import Path
from typing import Any

DEFAULT_NAME = "my_rhetoric_lab_work.json"
FORMAT = "rhetoric-lab-work/1"


def work_dir() -> Path:
    """The user's own folder for Rhetoric Lab work: Jupyter's per-user data dir, or the home folder."""
    try:
        from jupyter_core.paths import jupyter_data_dir

        return Path(jupyter_data_dir()) / "rhetoric-lab"
    except ImportError:  # pragma: no cover - Jupyter is a dependency; the library works without it
        return Path.home() / ".rhetoric-lab"


def default_path() -> Path:
    """Where the learner's work is saved unless they choose another file (``RHETORIC_LAB_WORK``)."""
    return Path(os.environ.get("RHETORIC_LAB_WORK") or work_dir() / DEFAULT_NAME)


@contextlib.contextmanager
def _locked(path: Path):
    """An advisory lock beside ``path`` (POSIX), so two kernels never interleave a save."""
    lock_path = path.with_name(path.name + ".lock")
    path.parent.mkdir(parents=True, exist_ok=True)  # the per-user folder may not exist yet
    try:
        import fcntl
    except ImportError:  # Windows: atomic replace still protects the file itself
        yield
        return
    fh = open(lock_path, "a+")
    try:
        fcntl.flock(fh, fcntl.LOCK_EX)
        yield
    finally:
        fcntl.flock(fh, fcntl.LOCK_UN)
        fh.close()


def atomic_write_json(path: str | Path, data: Any) -> None:
    """Write ``data`` as JSON to ``path`` atomically: a temp file in the same folder, fsync, replace."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(data, fh, ensure_ascii=False, indent=1, sort_keys=True)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _read(path: Path) -> tuple[dict, str | None]:
    """The saved work at ``path`` and a warning; an unreadable file is renamed aside, not lost."""
    if not path.exists():
        return {}, None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict) or not isinstance(data.get("sections", {}), dict):
            raise ValueError("not a Rhetoric Lab work file")
        return data.get("sections", {}), None
    except (ValueError, UnicodeDecodeError) as exc:
        aside = path.with_name(f"{path.name}.unreadable-{time.strftime('%Y%m%d-%H%M%S')}")
        with contextlib.suppress(OSError):
            os.replace(path, aside)
        return {}, f"{path.name} could not be read ({exc}); it was kept as {aside.name} and a new file started"


class WorkStore:
    """A learner's saved work: ``sections`` of key -> JSON value, saved on every change.

    >>> work = WorkStore("my_work.json")
    >>> work.put("speakers", "quote-3", "Pete Hegseth")   # saved at once
    >>> WorkStore("my_work.json").get("speakers", "quote-3")
    'Pete Hegseth'
    """

    def __init__(self, path: str | Path | None = None, autosave: bool = True):
        self.path = Path(path) if path is not None else default_path()
        self.autosave = autosave
        self.warning: str | None = None
        self.last_error: str | None = None
        self._dirty: dict[str, dict[str, Any]] = {}
        self.sections, self.warning = _read(self.path)

    def get(self, section: str, key: str, default: Any = None) -> Any:
        """A saved value (a copy, so changing it does not change the store)."""
        return copy.deepcopy(self.sections.get(section, {}).get(key, default))

    def section(self, section: str) -> dict[str, Any]:
        """Every saved value of one section (a copy)."""
        return copy.deepcopy(self.sections.get(section, {}))

    def put(self, section: str, key: str, value: Any) -> bool:
        """Record ``value`` and (with autosave) write the file now. Returns False if saving failed.

        Values must be JSON-serialisable; a value that is not raises ``TypeError`` at once,
        before anything is written.
        """
        json.dumps(value)  # refuse what cannot be saved, before touching the file
        self.sections.setdefault(section, {})[key] = copy.deepcopy(value)
        self._dirty.setdefault(section, {})[key] = copy.deepcopy(value)
        return self.save() if self.autosave else True

    def update(self, section: str, values: dict[str, Any]) -> bool:
        """Record several values of one section and save once."""
        json.dumps(values)
        for key, value in values.items():
            self.sections.setdefault(section, {})[key] = copy.deepcopy(value)
            self._dirty.setdefault(section, {})[key] = copy.deepcopy(value)
        return self.save() if self.autosave else True

    def save(self) -> bool:
        """Merge this session's changes into the file on disk and write it atomically.

        Never raises for a disk problem (a widget callback must not die): returns False and
        keeps the message in ``last_error``; the changes stay pending for the next save.
        """
        try:
            with _locked(self.path):
                on_disk, problem = _read(self.path)
                if problem:  # the file was spoiled meanwhile: it is kept aside; rebuild from memory
                    self.warning = problem
                    on_disk = copy.deepcopy(self.sections)
                for section, values in self._dirty.items():
                    on_disk.setdefault(section, {}).update(values)
                atomic_write_json(self.path, {"format": FORMAT, "saved": time.strftime("%Y-%m-%dT%H:%M:%S"),
                                              "sections": on_disk})
            self.sections = on_disk
            self._dirty.clear()
            self.last_error = None
            return True
        except OSError as exc:
            self.last_error = f"could not save your work to {self.path}: {exc.strerror or exc}"
            return False

    def reload(self) -> WorkStore:
        """Read the file again (e.g. after another notebook saved to it)."""
        self.sections, self.warning = _read(self.path)
        for section, values in self._dirty.items():
            self.sections.setdefault(section, {}).update(values)
        return self

    def clear(self, exercise_ids: list[str] | None = None, sections: tuple[str, ...] = ()) -> int:
        """Forget saved answers: of the given exercise IDs, or every answer when ``None``.

        The file as it was is first copied aside (``...before-start-again-<time>``), so nothing is
        ever lost by a wrong click. Returns how many saved answers were removed.
        """
        with _locked(self.path):
            on_disk, _ = _read(self.path)
            for section, values in self._dirty.items():
                on_disk.setdefault(section, {}).update(values)
            self._dirty.clear()
            if self.path.exists():
                aside = self.path.with_name(f"{self.path.name}.before-start-again-{time.strftime('%Y%m%d-%H%M%S')}")
                with contextlib.suppress(OSError):
                    aside.write_bytes(self.path.read_bytes())
            removed = 0
            wanted = None if exercise_ids is None else {str(i) for i in exercise_ids}
            for section, values in list(on_disk.items()):
                if section == "progress":
                    _clear_progress(values, wanted)
                    continue
                for key in list(values):
                    if wanted is None or key in wanted or section in sections:
                        del values[key]
                        removed += 1
            atomic_write_json(self.path, {"format": FORMAT, "saved": time.strftime("%Y-%m-%dT%H:%M:%S"),
                                          "sections": on_disk})
        self.sections = on_disk
        return removed

    def copy_to(self, folder: str | Path = ".") -> Path:
        """Copy the work file into ``folder`` (to download or hand in); returns the copy's path."""
        self.save()
        target = Path(folder) / f"rhetoric_lab_work_{time.strftime('%Y%m%d-%H%M')}.json"
        atomic_write_json(target, {"format": FORMAT, "saved": time.strftime("%Y-%m-%dT%H:%M:%S"),
                                   "sections": self.sections})
        return target

    def __repr__(self) -> str:
        return self.status()

    def _repr_html_(self) -> str:
        from html import escape

        from ..markup import AS_WRITTEN

        return f"<p class='{AS_WRITTEN}' style='font-family:sans-serif'>{escape(self.status())}</p>"

    def status(self) -> str:
        """One line for the learner: where the work is saved and how much is in it."""
        n = sum(len(v) for v in self.sections.values())
        msg = f"Your work is saved in {self.path} ({n} answer{'s' if n != 1 else ''} so far)."
        if self.warning:
            msg += f" Note: {self.warning}."
        if self.last_error:
            msg += f" Warning: {self.last_error}."
        return msg


def _clear_progress(progress: dict, wanted: set | None) -> None:
    """Forget saved attempts, hints, solutions and solved marks (of ``wanted`` IDs, or all)."""
    for name, value in list(progress.items()):
        if isinstance(value, dict):
            for k in [k for k in value if wanted is None or k in wanted]:
                del value[k]
        elif isinstance(value, list):
            progress[name] = [k for k in value if wanted is not None and k not in wanted]


_WORK: WorkStore | None = None


def my_work(path: str | Path | None = None) -> WorkStore:
    """The learner's work store for this kernel (opened once; pass ``path`` to switch files)."""
    global _WORK
    if _WORK is None or (path is not None and Path(path) != _WORK.path):
        _WORK = WorkStore(path)
        _hook_progress(_WORK)
    return _WORK


def _hook_progress(store: WorkStore) -> None:
    from . import registry

    saved = store.section("progress")
    p = registry.PROGRESS
    p.attempts.update(saved.get("attempts", {}))
    p.hints_seen.update(saved.get("hints_seen", {}))
    p.solved.update(saved.get("solved", []))
    p.solutions_shown.update(saved.get("solutions_shown", []))

    def save_progress(progress) -> None:
        if _WORK is store:
            store.update("progress", progress.to_dict())

    registry.on_progress(save_progress)


#: Work saved outside any exercise ID, and the notebook it belongs to (the frame-coding sheet).
SECTION_NOTEBOOKS = {"frames": "03"}


def start_again(scope: str = "", *, confirm: bool = False) -> str:
    """Clear saved answers, and the session's progress, for a fresh start.

    ``scope`` is an exercise ID (``"02.6"``), a notebook (``"02"``) or ``"everything"``. Nothing
    is cleared unless ``confirm=True``: without it the function only says what would be cleared.
    Returns one sentence for the learner. The work file is copied aside before it changes.
    """
    from . import registry

    ids = sorted(registry.exercises())
    scope = str(scope).strip()
    if scope in ("everything", "all", "*"):
        chosen, what = None, "all your saved answers in every notebook"
    elif scope in ids:
        chosen, what = [scope], f"your saved answer to exercise {scope}"
    elif scope and any(i.startswith(scope + ".") for i in ids):
        chosen = [i for i in ids if i.startswith(scope + ".")]
        what = f"your saved answers in notebook {scope} ({', '.join(chosen)})"
    else:
        return (f"Nothing cleared: say what to start again, an exercise (\"02.6\"), a notebook (\"02\") "
                f"or \"everything\"; {scope!r} is none of these.")
    if not confirm:
        return f"This would clear {what}. To do it, run start_again({scope!r}, confirm=True)."
    work = my_work()
    whole = tuple(sec for sec, nb in SECTION_NOTEBOOKS.items() if chosen is not None and scope == nb)
    work.clear(chosen, sections=whole)
    p = registry.PROGRESS
    for collection in (p.attempts, p.hints_seen):
        for k in [k for k in collection if chosen is None or k in chosen]:
            del collection[k]
    for collection in (p.solved, p.solutions_shown):
        for k in [k for k in collection if chosen is None or k in chosen]:
            collection.discard(k)
    return f"Cleared {what}. Run the exercise cells again to start afresh (a copy of the old file was kept)."
