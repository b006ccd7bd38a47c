"""The store under real faults, in real processes: SIGKILL, two writers at once, a
read-only filesystem and a full one (the last two in a private mount namespace)."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from studytui.store.sqlite_store import Store
from tests.requirements import require, require_tool

pytestmark = pytest.mark.slow

# Writes `count` reviews to the store at argv[1], printing each id once committed.
WRITER = """
import sys
from datetime import datetime, timezone
from studytui.study.scheduler import StudyScheduler
from studytui.store.sqlite_store import Store, StoreError
path, prefix, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
sched = StudyScheduler()
try:
    store = Store.open(path)
    for i in range(count):
        now = datetime.now(timezone.utc)
        card = sched.review(sched.new_card(f"{prefix}-{i}", now), 3, now)
        rid = store.record_review(f"{prefix}-{i}", 3, now, 10, card.to_dict())
        print(rid, flush=True)
except StoreError as exc:
    print("ERROR", exc, flush=True)
    sys.exit(3)
"""


def writer(path: Path, prefix: str, count: int) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path), prefix, str(count)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


def stored_ids(path: Path) -> set[str]:
    with Store.open(path, backup=False) as store:
        assert store.integrity_check() == []
        return {r.id for r in store.review_rows()}


def test_sigkill_loses_no_acknowledged_review(tmp_path: Path) -> None:
    path = tmp_path / "reviews.db"
    rng = random.Random(4)
    acknowledged: set[str] = set()
    for _ in range(3):
        proc = writer(path, f"k{len(acknowledged)}", 100_000)
        assert proc.stdout is not None
        deadline = time.monotonic() + rng.uniform(0.3, 0.8)
        while time.monotonic() < deadline:  # read acknowledgements while it runs
            acknowledged.add(proc.stdout.readline().strip())
        os.kill(proc.pid, signal.SIGKILL)
        acknowledged |= set(proc.stdout.read().split())
        proc.wait()
        assert proc.returncode == -signal.SIGKILL
        assert acknowledged <= stored_ids(path)
    assert len(acknowledged) > 30


def test_two_instances_writing_at_once_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "reviews.db"
    Store.open(path).close()
    procs = [writer(path, name, 300) for name in ("left", "right")]
    outputs = [p.communicate(timeout=60) for p in procs]
    for proc, (_, err) in zip(procs, outputs, strict=True):
        assert proc.returncode == 0, err
    ids = {x for out, _ in outputs for x in out.split()}
    assert len(ids) == 600
    assert stored_ids(path) == ids


def _in_private_mount(script: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    """Run a shell script as root of a new user+mount namespace (nothing leaks out)."""
    require_tool("unshare")
    probe = subprocess.run(["unshare", "-rm", "true"], capture_output=True)
    require(probe.returncode == 0, "user namespaces are not available here")
    env = {**os.environ, "PY": sys.executable, "W": WRITER, "D": str(tmp_path / "mnt")}
    (tmp_path / "mnt").mkdir()
    return subprocess.run(["unshare", "-rm", "sh", "-c", script], capture_output=True,
                          text=True, env=env, timeout=120)


def test_full_disk_gives_one_line_and_keeps_saved_reviews(tmp_path: Path) -> None:
    # A 400 KiB filesystem fills up after some hundreds of reviews.
    script = """
set -e
mount -t tmpfs -o size=400k tmpfs "$D"
set +e
"$PY" -c "$W" "$D/reviews.db" full 100000 > "$D/../out.txt" 2>&1
echo "rc=$?" >> "$D/../out.txt"
"$PY" -c "
import sys
from studytui.store.sqlite_store import Store
s = Store.open(sys.argv[1], backup=False)
print('stored', *sorted(r.id for r in s.review_rows()))
print('check', s.integrity_check())
" "$D/reviews.db"
"""
    done = _in_private_mount(script, tmp_path)
    assert done.returncode == 0, done.stderr
    out = (tmp_path / "out.txt").read_text().splitlines()
    assert out[-1] == "rc=3"
    error = [line for line in out if line.startswith("ERROR")]
    assert len(error) == 1 and "disk is full" in error[0]
    acknowledged = {x for x in out if len(x) == 36 and x.count('-') == 4}
    stored_line = next(x for x in done.stdout.splitlines() if x.startswith("stored"))
    assert acknowledged and acknowledged <= set(stored_line.split()[1:])
    assert "check []" in done.stdout


def test_read_only_filesystem_gives_one_line_and_keeps_the_store(tmp_path: Path) -> None:
    script = """
set -e
mount -t tmpfs -o size=4m tmpfs "$D"
"$PY" -c "$W" "$D/reviews.db" before 5 > /dev/null
cp "$D/reviews.db" "$D/../copy.db"
mount -o remount,ro "$D"
set +e
"$PY" -c "$W" "$D/reviews.db" after 5
echo "rc=$?"
cmp "$D/reviews.db" "$D/../copy.db" && echo unchanged
"""
    done = _in_private_mount(script, tmp_path)
    lines = done.stdout.splitlines()
    assert "rc=3" in lines and "unchanged" in lines, done.stdout + done.stderr
    error = [line for line in lines if line.startswith("ERROR")]
    assert len(error) == 1 and "read-only" in error[0]
    assert "Traceback" not in done.stdout + done.stderr
    conn = sqlite3.connect(tmp_path / "copy.db")
    assert conn.execute("SELECT COUNT(*) FROM review_log").fetchone()[0] == 5
