import sys

from stuurploeg.cli import main

sys.exit(main())
