"""``python -m xxgk_lint`` runs the command line."""

import sys

from xxgk_lint.cli.main import main

sys.exit(main())
