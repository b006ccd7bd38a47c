"""The face's side of the demo worker process (demos/worker.py): one process
started with the first demo and kept for the app's life, so torch is
imported once, and never in the face's own interpreter.

`DemoProcess.run(...)` sends a request and hands back a `Run`, whose
`frames()` yields the request's frames as they come. The face reads them in
a thread (a blocking read of the pipe holds no GIL, so the app answers keys
whatever the worker does); one reader thread a process sorts the worker's
messages to the runs they answer.

- A new run supersedes the ones before it: the worker drops them at their
  next frame. Should it not start the new one within STALL_SECONDS (a
  compute that hands out no frame for that long), a worker that is past its
  first imports is killed and a fresh one takes the request.
- A demo's exception comes back as data and is raised by `frames()`
  (ParamError, or DemoFailed with the exception's type and message).
- A worker that dies raises WorkerDied in the runs it was serving; the next
  run starts a fresh process.
- `close()` ends the process (the app's exit); a worker whose stdin closes
  (the face crashed) ends by itself.
"""

from __future__ import annotations

import atexit
import itertools
import os
import queue
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any

from demos.frames import Frame
from demos.worker_protocol import WorkerDied, error_of, frame_of, load_plain, send
from studytui.printable import for_terminal

STALL_SECONDS = 3.0  # a new run not started by then: the worker is stuck in a long compute
POLL_SECONDS = 0.05  # how often a waiting reader looks whether its face gave up
CLOSE_SECONDS = 1.0  # a worker asked to end gets this long before it is killed
PACKAGE_ROOT = str(Path(__file__).resolve().parent.parent)  # where this `demos` was imported from
# `python -m demos.worker`, except that the folder the app was started in is
# not searched first (a `demos` folder there is the learner's, not ours).
START = ("import sys; del sys.path[0]; root = {root!r}; "
         "root in sys.path or sys.path.insert(0, root); "
         "from demos.worker import main; main()")


class Run:
    """One request to the worker and what comes back for it."""

    def __init__(self, owner: DemoProcess, rid: int, request: dict[str, Any]) -> None:
        self.owner, self.id, self.request = owner, rid, request
        self.proc: subprocess.Popen | None = None  # the process serving it
        self.inbox: queue.Queue[tuple[str, Any]] = queue.Queue()
        self.over = False  # done, failed, superseded or cancelled

    def frames(self, cancelled: Callable[[], bool] = lambda: False) -> Iterator[Frame]:
        """The run's frames as they come; raises the demo's error or WorkerDied.
        Ends early (and tells the worker) once `cancelled()` is true."""
        started = False
        stall_at = time.monotonic() + STALL_SECONDS
        try:
            while True:
                if cancelled():
                    return
                try:
                    kind, payload = self.inbox.get(timeout=POLL_SECONDS)
                except queue.Empty:
                    if not started and time.monotonic() > stall_at:
                        self.owner.restart_for(self)
                    continue
                if kind == "started":
                    started = True
                elif kind == "frame":
                    yield frame_of(payload)
                elif kind == "error":
                    self.over = True  # the worker is done with it
                    raise error_of(payload)
                elif kind == "died":
                    raise payload
                else:  # done, or superseded by a newer run
                    self.over = True
                    return
        finally:
            self.finish()

    def drawn(self) -> None:
        """The first frame is on screen: the worker may go on (to import torch)."""
        self.owner.tell({"kind": "drawn", "id": self.id}, self)

    def finish(self) -> None:
        if not self.over:
            self.over = True
            self.owner.tell({"kind": "cancel", "id": self.id}, self)
        self.owner.forget(self)

    def put(self, kind: str, payload: Any = None) -> None:
        self.inbox.put((kind, payload))


class DemoProcess:
    """The demo worker process, started on the first run and again after it died."""

    def __init__(self, command: list[str] | None = None) -> None:
        self.command = command or [sys.executable, "-c", START.format(root=PACKAGE_ROOT)]
        self._lock = threading.RLock()
        self._proc: subprocess.Popen | None = None
        self._runs: dict[int, Run] = {}
        self._ids = itertools.count(1)
        self.warm = False  # the process has finished a run: it is past its first imports
        self._busy: int | None = None  # the run the process is computing, by its word
        self.started = 0  # processes started so far (a test counts restarts)
        atexit.register(self.close)  # the app's own exit closes it before; this is for a crash

    @property
    def pid(self) -> int | None:
        return self._proc.pid if self._proc is not None else None

    def run(self, name: str, values: dict[str, Any], rate: float | None = None,
            previous: dict[str, Any] | None = None) -> Run:
        """Ask for demo `name`'s frames (`values` resolved; `previous`, for a demo
        that reuses it); every earlier run is superseded."""
        request = {"kind": "run", "name": name, "values": values, "rate": rate,
                   "previous": previous}
        with self._lock:
            rid = next(self._ids)
            run = Run(self, rid, {**request, "id": rid})
            for older in list(self._runs.values()):
                older.over = True
                older.put("superseded")
            self._runs = {rid: run}
            self._send_to_worker(run)
        return run

    def _send_to_worker(self, run: Run) -> None:
        try:
            if self._proc is None:
                self._spawn()
            run.proc = self._proc
            send(self._proc.stdin, run.request)
        except OSError as exc:  # could not start it, or it died under our hands
            if run.proc is None:
                run.put("died", WorkerDied(None, for_terminal(str(exc), one_line=True)))

    def _spawn(self) -> None:
        stderr = tempfile.TemporaryFile()  # what the worker prints; its last line if it fails
        proc = subprocess.Popen(self.command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                stderr=stderr, close_fds=True)
        self._proc, self.warm, self._busy = proc, False, None
        self.started += 1
        threading.Thread(target=self._read, args=(proc, stderr), daemon=True,
                         name=f"demo-worker-{proc.pid}").start()

    def _read(self, proc: subprocess.Popen, stderr: IO[bytes]) -> None:
        """Sort the worker's messages to their runs until its stdout closes."""
        reason = ""
        try:
            while True:
                message = load_plain(proc.stdout)
                with self._lock:
                    run = self._runs.get(message.get("id"))
                    if proc is self._proc and message["kind"] in ("started", "done"):
                        self._busy = message["id"] if message["kind"] == "started" else None
                        self.warm = self.warm or message["kind"] == "done"
                    if run is None or run.proc is not proc:
                        continue
                    if message["kind"] == "frame":
                        run.put("frame", message["frame"])
                    elif message["kind"] == "error":
                        run.put("error", message["error"])
                    else:
                        run.put(message["kind"])
        except EOFError:
            pass
        except Exception as exc:  # a message the face will not read: end this worker
            reason = for_terminal(f"{type(exc).__name__}: {exc}", one_line=True)
            proc.kill()
        code = proc.wait()
        with self._lock:
            if self._proc is proc:
                self._proc = None
            died = WorkerDied(code, reason or _last_line(stderr))
            for run in self._runs.values():
                if run.proc is proc and not run.over:
                    run.put("died", died)
        stderr.close()

    def tell(self, message: dict[str, Any], run: Run) -> None:
        """A message about `run` to the process serving it, if that one still runs."""
        with self._lock:
            if run.proc is not None and run.proc is self._proc:
                try:
                    send(run.proc.stdin, message)
                except OSError:
                    pass  # it died: its reader tells the runs

    def forget(self, run: Run) -> None:
        with self._lock:
            if self._runs.get(run.id) is run:
                del self._runs[run.id]

    def restart_for(self, run: Run) -> None:
        """`run` has waited STALL_SECONDS: if the worker is still computing an
        older run (one that hands out no frame to stop at) and is past its
        first imports, kill it and give `run` to a fresh one (during the
        imports a fresh one would only start them over)."""
        with self._lock:
            old = self._proc
            if (old is None or run.proc is not old or run.over or not self.warm
                    or self._busy is None or self._busy == run.id):
                return
            self._proc = None
            self._send_to_worker(run)
        old.kill()

    def close(self) -> None:
        """End the worker: its stdin closes, and it is killed if it lingers."""
        with self._lock:
            proc, self._proc = self._proc, None
            for run in self._runs.values():
                run.over = True
                run.put("superseded")
            self._runs = {}
        if proc is None:
            return
        try:
            proc.stdin.close()
        except OSError:
            pass
        try:
            proc.wait(CLOSE_SECONDS)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def _last_line(stderr: IO[bytes]) -> str:
    """The last line the worker wrote to stderr, made safe to show."""
    try:
        stderr.seek(max(0, stderr.seek(0, os.SEEK_END) - 2000))
        lines = stderr.read().decode("utf-8", "replace").strip().splitlines()
    except (OSError, ValueError):
        return ""
    return for_terminal(lines[-1], one_line=True)[:200] if lines else ""
