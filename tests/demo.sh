#!/bin/sh
# make run: opens gavel on the demo meeting in a fresh data folder.
bin=${1:-./gavel}
echo "gavel: the live screen is not built yet; '$bin --help' lists what works."
"$bin" --version
