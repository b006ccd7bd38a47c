"""Several studytui processes opening the same new store at once (two terminals
started together, or the app and `stats`): every one of them opens it; none
takes the half-made store for another program's database."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

OPEN = ("import sys\nfrom pathlib import Path\nfrom studytui.store.sqlite_store import Store\n"
        "Store.open(Path(sys.argv[1]), backup=False).close()\n")


def test_processes_creating_one_store_together_all_open_it(tmp_path: Path):
    for round_ in range(6):
        db = tmp_path / f"r{round_}" / "reviews.db"
        db.parent.mkdir()
        procs = [subprocess.Popen([sys.executable, "-c", OPEN, str(db)],
                                  stderr=subprocess.PIPE, text=True) for _ in range(6)]
        errors = [p.communicate(timeout=120)[1] for p in procs]
        assert [p.returncode for p in procs] == [0] * 6, [e for e in errors if e][:1]
