import sys

from minutes_lint.cli import main

sys.exit(main())
