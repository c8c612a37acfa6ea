"""Where the project's data files live (rule tables, word lists, dictionaries)."""
from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = Path(os.environ.get("TIMELINE_DATA_DIR", PROJECT_ROOT / "data"))
SEEDS_DIR = PROJECT_ROOT / "seeds"


def data_path(*parts: str) -> Path:
    return DATA_DIR.joinpath(*parts)
