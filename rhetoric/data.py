"""Where the kit's data files live (lexicons, gazetteer, gold, actor sides).

Knowledge lives in ``data/`` at the top of the repository, not in code. Set the
``RHETORIC_DATA`` environment variable to use another folder.
"""

from __future__ import annotations

import json
import os
from functools import cache
from pathlib import Path

DATA_DIR = Path(os.environ.get("RHETORIC_DATA", Path(__file__).resolve().parent.parent / "data"))


def data_path(*parts: str) -> Path:
    """Path of a file under the data folder."""
    return DATA_DIR.joinpath(*parts)


@cache
def load_json(*parts: str):
    """Parsed JSON of a data file (cached; treat the result as read-only)."""
    return json.loads(data_path(*parts).read_text(encoding="utf-8"))
