"""``python -m rtorch …`` is the ``rtorch`` command line."""

import sys

from rtorch.cli import main

sys.exit(main())
