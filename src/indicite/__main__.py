import multiprocessing
import sys

from indicite.cli import main

multiprocessing.freeze_support()  # the suggester's child process in a frozen build
sys.exit(main())
