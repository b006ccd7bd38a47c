"""Global ids for events: UUIDv7 (RFC 9562), so ids made on two devices never
collide and sorting them sorts by time.

Python 3.11's `uuid` has no uuid7, hence this small function. Layout (RFC 9562
section 5.7): 48 bits of Unix time in milliseconds, version 7, 12 bits
`rand_a`, variant 0b10, 62 bits `rand_b`. Within one process the ids are
strictly increasing (method 3 of section 6.2: `rand_a` is a counter within a
millisecond, and a clock that steps back is not followed), so two events made
in the same millisecond keep their order.
"""

from __future__ import annotations

import os
import threading
import time
import uuid


class Uuid7Source:
    """Makes strictly increasing UUIDv7s. The process has one (`uuid7`); the
    migration makes its own to place old reviews at their own times."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._last = (0, 0)  # (milliseconds, counter) of the last id made

    def __call__(self, ms: int | None = None) -> str:
        with self._lock:
            now = time.time_ns() // 1_000_000 if ms is None else ms
            last_ms, last_counter = self._last
            if now > last_ms:
                counter = int.from_bytes(os.urandom(2), "big") & 0x3FF  # room to count up
            else:  # same millisecond, or the clock stepped back: stay after the last id
                now, counter = last_ms, last_counter + 1
                if counter > 0xFFF:
                    now, counter = last_ms + 1, 0
            self._last = (now, counter)
        rand_b = int.from_bytes(os.urandom(8), "big") & ((1 << 62) - 1)
        value = ((now & ((1 << 48) - 1)) << 80 | 0x7 << 76 | counter << 64
                 | 0b10 << 62 | rand_b)
        return str(uuid.UUID(int=value))


#: A new UUIDv7 as its 36-character text, after every id this process made before.
uuid7 = Uuid7Source()


def uuid7_ms(text: str) -> int:
    """The Unix time in milliseconds an id was made at."""
    return uuid.UUID(text).int >> 80


def device_id() -> str:
    """A random id for a new store: which device made an event."""
    return str(uuid.uuid4())
