import sys

from selfkind.cli.app import main

sys.exit(main())
