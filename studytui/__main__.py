"""`python -m studytui` runs the same command as `studytui`."""

import sys

from studytui.cli import main

sys.exit(main())
