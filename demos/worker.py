"""The demo worker process: `python -m demos.worker`, started by the TUI
(demos/worker_client.py), computes demos' frames so that the TUI's own
interpreter never imports torch, whose import holds the GIL for long
stretches and would leave key presses waiting.

It reads requests from stdin and streams each request's frames to stdout
(demos/worker_protocol.py), throttled to the rate the face asks for. The
race's first frame, drawn before torch, goes out at once; the worker then
waits (FIRST_DRAW_WAIT at most) for word that it is on screen before going on
to import torch, so the two do not fight for a loaded machine's cores.

A newer request, or a cancel, stops the one being computed at its next
frame (the demos hand out frames every few milliseconds once torch is in).
An exception in a demo goes back as data and the worker waits for the next
request. When its stdin closes (the TUI quit or crashed) the worker exits at
once, wherever it is.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
from collections.abc import Iterable, Iterator
from typing import Any, BinaryIO

from demos.frames import Frame, throttle
from demos.worker_protocol import error_data, frame_data, send

FIRST_DRAW_WAIT = 2.0  # seconds the worker waits at most for its first picture to be drawn


class Inbox:
    """What the TUI has asked, kept by a thread that reads stdin all along, so
    a cancel or a newer request is seen while a demo computes."""

    def __init__(self) -> None:
        self._changed = threading.Condition()
        self._request: dict[str, Any] | None = None  # the newest run not yet taken
        self._newest = 0  # the id of the newest request seen
        self._cancelled = 0  # every id up to this one is cancelled
        self._drawn: set[int] = set()

    def read_from(self, stream: BinaryIO) -> None:
        from demos.worker_protocol import load_plain

        while True:
            try:
                message = load_plain(stream)
            except (EOFError, OSError, ValueError):
                os._exit(0)  # the TUI is gone: no demo outlives it
            with self._changed:
                kind, rid = message.get("kind"), int(message.get("id", 0))
                if kind == "run":
                    self._request, self._newest = message, max(self._newest, rid)
                elif kind == "cancel":
                    self._cancelled = max(self._cancelled, rid)
                elif kind == "drawn":
                    self._drawn.add(rid)
                self._changed.notify_all()

    def next_request(self) -> dict[str, Any]:
        with self._changed:
            while self._request is None or self.stale(self._request["id"]):
                self._changed.wait()
            request, self._request = self._request, None
            self._drawn.clear()
            return request

    def stale(self, rid: int) -> bool:
        """Request `rid` is cancelled, or a newer one is waiting."""
        return rid <= self._cancelled or rid < self._newest

    def wait_drawn(self, rid: int, timeout: float) -> None:
        with self._changed:
            self._changed.wait_for(lambda: rid in self._drawn or self.stale(rid), timeout)


def _until_stale(frames: Iterable[Frame], inbox: Inbox, rid: int) -> Iterator[Frame]:
    """`frames`, checked between every two (before the throttle drops any)."""
    for frame in frames:
        if inbox.stale(rid):
            return
        yield frame


def serve(request: dict[str, Any], inbox: Inbox, out: BinaryIO) -> None:
    """Compute one request's frames and send them; its errors as data."""
    from demos.runner import iter_frames

    rid = request["id"]
    send(out, {"kind": "started", "id": rid})
    try:
        raw = iter_frames(request["name"], request["values"], previous=request.get("previous"))
        frames = _until_stale(raw, inbox, rid)
        if request.get("rate"):
            frames = throttle(frames, request["rate"])
        first = True
        for frame in frames:
            send(out, {"kind": "frame", "id": rid, "frame": frame_data(frame)})
            if frame.finished:
                break
            if first:
                inbox.wait_drawn(rid, FIRST_DRAW_WAIT)
                first = False
    except BrokenPipeError:
        raise  # the pipe to the TUI, not the demo
    except Exception as exc:  # the demo's failure is the face's to show, not the worker's end
        send(out, {"kind": "error", "id": rid, "error": error_data(exc)})
    send(out, {"kind": "done", "id": rid})


def main() -> None:
    # The frames go out on a private copy of stdout; anything a demo prints
    # goes to stderr (a file the TUI keeps) and cannot break a message.
    out = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    # Ctrl+C in the terminal is the TUI's to handle; the worker ends with its stdin.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    inbox = Inbox()
    threading.Thread(target=inbox.read_from, args=(sys.stdin.buffer,), daemon=True).start()
    try:
        while True:
            serve(inbox.next_request(), inbox, out)
    except BrokenPipeError:  # the TUI is gone
        os._exit(0)


if __name__ == "__main__":
    main()
