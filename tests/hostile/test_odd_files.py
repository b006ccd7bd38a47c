"""Files that are not lecture files: pipes, devices, endless files, unreadable
or over-long paths, side files. None hangs, none reads without bound, each is
named in one line; side files are skipped."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from studytui.config import ConfigError, load_config
from studytui.content.loader import load_deck
from studytui.errors import ContentError
from studytui.files import UnreadableFile, read_regular
from studytui.paths import content_files, is_lecture_name
from tests.hostile.lecture_text import lecture, run

NOT_REGULAR = ["fifo", "dev-zero", "dev-null", "dev-urandom", "folder", "socket", "dev-tty"]


def make_odd(tmp: Path, kind: str) -> Path:
    """A path named like a lecture file that is not a regular file."""
    path = tmp / f"{kind}.yaml"
    if kind == "fifo":
        os.mkfifo(path)
    elif kind.startswith("dev-"):
        target = Path("/dev") / kind[4:]
        if not target.exists():
            pytest.skip(f"{target} absent")
        path.symlink_to(target)
    elif kind == "folder":
        path.mkdir()
    elif kind == "socket":
        import socket

        s = socket.socket(socket.AF_UNIX)
        s.bind(str(path))
        s.close()
    return path


@pytest.mark.parametrize("kind", NOT_REGULAR)
def test_a_non_regular_file_in_the_content_folder_is_named_quickly(tmp_path, kind):
    (tmp_path / "good.yaml").write_text(lecture(), encoding="utf-8")
    make_odd(tmp_path, kind)
    start = time.monotonic()
    with pytest.raises(ContentError) as caught:
        load_deck([tmp_path])
    assert time.monotonic() - start < 5
    (issue,) = caught.value.issues
    assert issue.path.endswith(f"{kind}.yaml") and "not a regular file" in issue.message


def test_size_cap_holds_while_reading_not_by_st_size(tmp_path):
    # /dev/zero says its size is 0; a growing file could say anything.
    with pytest.raises(UnreadableFile, match="character device"):
        read_regular(Path("/dev/zero"), 1024)
    big = tmp_path / "big.yaml"
    big.write_bytes(b"#" * 5000)
    with pytest.raises(UnreadableFile, match="larger than 4 KiB"):
        read_regular(big, 4096)
    assert len(read_regular(big, 5000)) == 5000


@pytest.mark.parametrize("target", ["/dev/zero", "fifo"])
def test_content_option_pointing_at_an_endless_file_fails_in_one_line(tmp_path, target):
    path = target if target.startswith("/") else str(make_odd(tmp_path, "fifo"))
    result = run(["--content", path, "validate"], tmp_path)
    lines = result.stderr.decode().splitlines()
    assert result.returncode == 2 and len(lines) == 1 and "not a regular file" in lines[0]


@pytest.mark.parametrize("kind", ["fifo", "dev-zero", "folder"])
def test_config_that_is_not_a_regular_file_is_an_error_not_a_hang(tmp_path, kind):
    odd = make_odd(tmp_path, kind)
    with pytest.raises(ConfigError, match="cannot read the config file: is a"):
        load_config(odd)


def test_config_with_a_bom_is_read(tmp_path):
    path = tmp_path / "config.toml"
    path.write_bytes(b"\xef\xbb\xbfnew_per_day = 7\n")
    assert load_config(path).new_per_day == 7


# name -> loaded from a folder?
NAMES = {
    "a.yaml": True, "b.yml": True, "A.YAML": True, "c.Yml": True, "d.yaml.yaml": True,
    ".hidden.yaml": False, ".#a.yaml": False, "._a.yaml": False, "a.yaml~": False,
    "#a.yaml#": False, "~a.yaml": False, "a.yaml.swp": False, "a.yaml.bak": False,
    "a.json": False, ".yaml": False, "a.yaml.orig": False, "notes.txt": False,
}


def test_side_files_are_skipped_and_any_case_of_yaml_is_loaded(tmp_path):
    for name in NAMES:
        (tmp_path / name).write_text("not: [a lecture", encoding="utf-8")
    found = {p.name for p in content_files([tmp_path])}
    assert found == {name for name, loaded in NAMES.items() if loaded}
    assert all(is_lecture_name(n) == loaded for n, loaded in NAMES.items())


def test_a_folder_of_only_side_files_says_no_lecture_files(tmp_path):
    for name in (".#a.yaml", "._a.yaml", "a.yaml~"):
        (tmp_path / name).write_text(lecture(), encoding="utf-8")
    with pytest.raises(ContentError, match="no lecture files"):
        load_deck([tmp_path])


@pytest.mark.parametrize("where", ["name", "path"])
def test_a_name_or_path_too_long_for_the_os_is_one_line(tmp_path, where):
    long = tmp_path / ("x" * 300 + ".yaml") if where == "name" else \
        tmp_path.joinpath(*["y" * 200] * 30, "a.yaml")
    for target in (long, long.parent if where == "path" else long):
        with pytest.raises(ContentError) as caught:
            load_deck([target])
        assert any(w in str(caught.value) for w in ("too long", "no such file"))
    result = run(["validate", str(long)], tmp_path)
    assert result.returncode == 2 and b"Traceback" not in result.stderr
    assert len(result.stderr.splitlines()) == 1


def test_a_path_with_a_nul_byte_is_one_line(tmp_path):
    with pytest.raises(ContentError, match="NUL"):
        load_deck([Path(f"{tmp_path}/a\0.yaml")])


def _as_nobody(args: list[str], tmp: Path) -> subprocess.CompletedProcess:
    setpriv = shutil.which("setpriv")
    if os.geteuid() != 0 or setpriv is None:
        pytest.skip("needs root and setpriv to run as another user")
    return subprocess.run(
        [setpriv, "--reuid=nobody", "--regid=nogroup", "--clear-groups",
         sys.executable, "-m", "studytui", *args],
        capture_output=True, timeout=60, cwd="/",
        env={**os.environ, "HOME": str(tmp), "XDG_CACHE_HOME": str(tmp / "cache"),
             "XDG_CONFIG_HOME": str(tmp / "config")},
    )


@pytest.mark.parametrize("what", ["file", "folder"])
def test_content_without_read_permission_is_one_line_as_another_user(tmp_path, what):
    shared = Path("/tmp") / f"studytui-perm-{os.getpid()}-{what}"
    shared.mkdir(mode=0o755)
    try:
        (shared / "a.yaml").write_text(lecture(), encoding="utf-8")
        target = shared / "a.yaml" if what == "file" else shared
        target.chmod(0o000 if what == "file" else 0o300)
        cache = shared / "home"
        cache.mkdir(mode=0o777)
        result = _as_nobody(["validate", str(target)], cache)
        err = result.stderr.decode()
        if "No module named" in err:
            pytest.skip("the package is not readable by nobody here")
        assert result.returncode == 2 and "Traceback" not in err, err
        assert len(err.splitlines()) == 1 and "permission denied" in err
    finally:
        shared.chmod(0o755)
        shutil.rmtree(shared)


@pytest.mark.parametrize("kind", ["fifo", "dev-zero"])
def test_start_up_with_an_endless_file_in_the_content_folder_fails_in_one_line(tmp_path, kind):
    content = tmp_path / "content"
    content.mkdir()
    (content / "good.yaml").write_text(lecture(), encoding="utf-8")
    make_odd(content, kind)
    # A replacement driver passes the terminal check, as textual-serve's does.
    result = run(["--content", str(content), "--db", str(tmp_path / "s.db")], tmp_path,
                 env={"TEXTUAL_DRIVER": "textual.drivers.headless_driver:HeadlessDriver"},
                 stdin=subprocess.DEVNULL)
    lines = result.stderr.decode().splitlines()
    assert result.returncode == 2 and len(lines) == 1 and "not a regular file" in lines[0]


def test_an_empty_content_path_is_an_error_not_the_working_folder(tmp_path):
    result = run(["--lang", "en", "--content", "", "validate"], tmp_path, cwd=tmp_path)
    assert result.returncode == 2
    assert b"argument --content: an empty path" in result.stderr
