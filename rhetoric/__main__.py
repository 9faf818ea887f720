"""``python -m rhetoric``: see ``rhetoric.cli``."""

import sys

from .cli import main

sys.exit(main())
