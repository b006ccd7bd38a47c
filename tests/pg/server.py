"""A throwaway PostgreSQL server for the tests: Debian's binaries, initdb on a
temporary folder, a Unix socket in it and a free port, stopped afterwards.

initdb refuses to run as root: run as root (a container, CI), the server runs
as the `postgres` user that Debian's package made, owning only its folder.
Missing binaries skip locally and fail under CI=true (tests.requirements).
"""

from __future__ import annotations

import glob
import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from tests.requirements import require

ADMIN = "admin"
ADMIN_PASSWORD = "admin-secret"
_names = itertools.count(1)


def pg_bin() -> Path | None:
    """The newest installed server's bin folder, or None."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"),
                   key=lambda p: int(Path(p).parts[-3]))
    return Path(found[-1]).parent if found else None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class PgServer:
    folder: Path
    port: int
    run_as: list[str]
    bin: Path
    host: str = ""
    databases: list[str] = field(default_factory=list)

    def url(self, user: str = ADMIN, password: str = ADMIN_PASSWORD, db: str = "postgres") -> str:
        host = self.host or str(self.folder)
        return f"postgresql://{user}:{password}@/{db}?host={host}&port={self.port}"

    def new_database(self) -> str:
        import psycopg

        name = f"cohort{next(_names)}"
        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f"CREATE DATABASE {name}")
        return name

    def unique(self, name: str) -> str:
        """A role name not used before on this server (roles are server-wide)."""
        return f"{name}{next(_names)}"

    def stop(self) -> None:
        subprocess.run([*self.run_as, str(self.bin / "pg_ctl"), "stop", "-D",
                        str(self.folder / "data"), "-m", "immediate"],
                       capture_output=True, check=False)


def start_server(max_connections: int = 100, listen: str = "",
                 fsync: bool = False) -> Iterator[PgServer]:
    """Start a server (a generator: the caller's fixture stops it)."""
    bin_dir = pg_bin()
    require(bin_dir is not None, "PostgreSQL is not installed (apt-get install postgresql)")
    assert bin_dir is not None
    run_as: list[str] = []
    folder = Path(tempfile.mkdtemp(prefix="studytui-pg-"))
    if os.geteuid() == 0:
        try:
            pg_user = pwd.getpwnam("postgres")
        except KeyError:
            require(False, "running as root and there is no `postgres` user to run the server")
        os.chown(folder, pg_user.pw_uid, pg_user.pw_gid)
        run_as = ["runuser", "-u", "postgres", "--"]
    pwfile = folder / "pw"
    pwfile.write_text(ADMIN_PASSWORD + "\n")
    if run_as:
        os.chown(pwfile, pg_user.pw_uid, pg_user.pw_gid)
    port = free_port()
    try:
        subprocess.run([*run_as, str(bin_dir / "initdb"), "-D", str(folder / "data"),
                        "-U", ADMIN, f"--pwfile={pwfile}", "--auth=scram-sha-256",
                        "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"],
                       check=True, capture_output=True, text=True)
        options = (f"-c listen_addresses='{listen}' -c port={port}"
                   f" -c unix_socket_directories='{folder}' -c fsync={'on' if fsync else 'off'}"
                   f" -c max_connections={max_connections}")
        subprocess.run([*run_as, str(bin_dir / "pg_ctl"), "start", "-w", "-D",
                        str(folder / "data"), "-l", str(folder / "log"), "-o", options],
                       check=True, capture_output=True, text=True)
    except subprocess.CalledProcessError as exc:
        shutil.rmtree(folder, ignore_errors=True)
        raise RuntimeError(f"PostgreSQL did not start: {exc.stderr}") from None
    server = PgServer(folder, port, run_as, bin_dir, host=listen)
    try:
        yield server
    finally:
        server.stop()
        shutil.rmtree(folder, ignore_errors=True)
