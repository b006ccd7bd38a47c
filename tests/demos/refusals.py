"""What every demo promises about bad input on the command line: exit 2 and
one line on stderr, no traceback, naming the parameter and what it accepts."""

from __future__ import annotations

from demos.cli import main


def assert_refused(argv: list[str], fragment: str, capsys) -> None:
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert fragment in err
