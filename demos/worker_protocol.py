"""What the TUI and its demo worker process (demos/worker.py) say to each
other over the worker's stdin and stdout: one pickle a message, each a dict
of plain values. No torch here.

To the worker:
    {"kind": "run", "id": n, "name": ..., "values": {...}, "rate": r, "previous": {...} | None}
    {"kind": "cancel", "id": n}   stop request n (and anything older)
    {"kind": "drawn", "id": n}    request n's first frame is on screen: go on
From the worker, each naming the request it answers:
    {"kind": "started", "id": n}
    {"kind": "frame", "id": n, "frame": {data, step, steps, finished, hold}}
    {"kind": "error", "id": n, "error": {...}}  (see error_data)
    {"kind": "done", "id": n}     nothing more will come for n

A frame travels as a dict, never as a pickled object, so the TUI's reader
builds no class from the pipe (`load_plain` refuses every one): nothing the
worker sends can make the TUI import a module, torch least of all.
"""

from __future__ import annotations

import io
import pickle
import signal
from dataclasses import asdict
from typing import Any, BinaryIO

from demos.frames import Frame
from demos.params import ParamError
from studytui.words import BOTH_SEP, pick, say

PROTOCOL = pickle.HIGHEST_PROTOCOL


def send(stream: BinaryIO, message: dict[str, Any]) -> None:
    stream.write(pickle.dumps(message, protocol=PROTOCOL))
    stream.flush()


class _PlainUnpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        raise pickle.UnpicklingError(f"a class in a demo message: {module}.{name}")


def load_plain(stream: BinaryIO | io.BufferedReader) -> dict[str, Any]:
    """The next message: plain data only (dicts, lists, tuples, numbers, text).
    EOFError when the other end has closed the pipe."""
    return _PlainUnpickler(stream).load()


def frame_data(frame: Frame) -> dict[str, Any]:
    return asdict(frame)


def frame_of(data: dict[str, Any]) -> Frame:
    return Frame(**data)


class DemoFailed(Exception):
    """An exception inside the demo, as the worker reported it: its type's name
    and its message (shown as the demo screen always showed an exception)."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind

    def say(self, lang: str, sep: str = BOTH_SEP) -> str:
        return f"{self.kind}: {self}"


class WorkerDied(Exception):
    """The worker process ended without answering (killed, out of memory, a
    crash): one line in the learner's language saying how, and that the next
    run starts a fresh process."""

    def __init__(self, returncode: int | None, last_line: str = "") -> None:
        super().__init__(f"demo worker ended (returncode {returncode}): {last_line}")
        self.returncode = returncode
        self.last_line = last_line

    def say(self, lang: str, sep: str = BOTH_SEP) -> str:
        return pick(lang, self._said("ko"), self._said("en"), sep)

    def _said(self, lang: str) -> str:
        code = self.returncode
        if code is None:
            how = say("demo_worker.how_unstarted", lang, reason=self.last_line)
        elif code < 0:
            how = say("demo_worker.how_signal", lang, signal=_signal_name(-code))
        else:
            how = say("demo_worker.how_exit", lang, status=code,
                      line=f": {self.last_line}" if self.last_line else "")
        return say("demo_worker.died", lang, how=how)


def _signal_name(number: int) -> str:
    try:
        return signal.Signals(number).name
    except ValueError:
        return f"signal {number}"


def error_data(exc: BaseException) -> dict[str, Any]:
    """An exception raised by a demo, as plain data (a ParamError keeps both
    languages of its message)."""
    if isinstance(exc, ParamError):
        return {"param": exc.param, "detail": exc.detail, "detail_ko": exc.detail_ko}
    return {"kind": type(exc).__name__, "message": str(exc)}


def error_of(data: dict[str, Any]) -> Exception:
    if "param" in data:
        return ParamError(data["param"], data["detail"], data["detail_ko"])
    return DemoFailed(data["kind"], data["message"])
