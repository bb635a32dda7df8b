import sys

from indicite.cli import main

sys.exit(main())
