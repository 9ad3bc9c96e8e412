import sys

from crosswire.cli import main

sys.exit(main())
