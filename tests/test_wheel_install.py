"""A non-editable install must find the bundled lectures: build the wheel,
install it into a fresh folder, and validate from somewhere else."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_wheel_ships_content_and_validates_from_another_directory(tmp_path):
    wheels = tmp_path / "wheels"
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(wheels), str(ROOT)],
        capture_output=True,
        text=True,
    )
    assert build.returncode == 0, build.stderr
    (wheel,) = wheels.glob("studytui-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    lectures = [
        n for n in names if n.startswith("studytui/_bundled_content/") and n.endswith(".yaml")
    ]
    assert len(lectures) == 9
    assert any(n.startswith("demos/registry.py") for n in names)

    target = tmp_path / "site"
    install = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "-q",
            "--target",
            str(target),
            str(wheel),
        ],
        capture_output=True,
        text=True,
    )
    assert install.returncode == 0, install.stderr

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {**os.environ, "PYTHONPATH": str(target)}
    run = subprocess.run(
        [
            sys.executable,
            "-c",
            "import studytui, sys; print(studytui.__file__); "
            "from studytui.cli import main; "
            "sys.exit(main(['--lang', 'en', 'validate', '--strict']))",
        ],
        capture_output=True,
        text=True,
        cwd=elsewhere,
        env=env,
    )
    assert run.returncode == 0, run.stderr
    where, summary = run.stdout.strip().splitlines()
    assert where.startswith(str(target))  # the installed copy, not the checkout
    assert summary.startswith("ok: 9 lectures")
