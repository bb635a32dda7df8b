#!/usr/bin/env bash
# Build the Linux bundle (dist/indicite/) from a clean state with PyInstaller, then run its
# self-test. Exits non-zero when the build or the self-test fails; prints build time and size.
#
#     packaging/build.sh                # uses .venv (PyInstaller from the dev extra)
#     PYTHON=/path/to/python packaging/build.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
python="${PYTHON:-$root/.venv/bin/python}"
cd "$root"

if ! "$python" -c "import PyInstaller" 2>/dev/null; then
    "$python" -m pip install "pyinstaller>=6.6"
fi

started=$(date +%s)
rm -rf build/indicite dist/indicite
"$python" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath dist --workpath build packaging/indicite.spec
elapsed=$(( $(date +%s) - started ))

echo "build time: ${elapsed} s"
echo "bundle size: $(du -sh dist/indicite | cut -f1) ($(find dist/indicite -type f | wc -l) files)"

# A clean environment: no checkout on the path, no data folder of the developer, no display.
selftest_home="$(mktemp -d)"
trap 'rm -rf "$selftest_home"' EXIT
env -i PATH=/usr/bin:/bin LANG=C.UTF-8 HOME="$selftest_home" QT_QPA_PLATFORM=offscreen \
    INDICITE_DATA_DIR="$selftest_home/data" dist/indicite/indicite --self-test
