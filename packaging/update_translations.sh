#!/usr/bin/env bash
# Re-extract every tr() string from the UI sources into the .ts files, then build the .qm files.
# Run from anywhere: packaging/update_translations.sh. Translate in the .ts (Qt Linguist:
# .venv/bin/pyside6-linguist resources/translations/indicite_zh_CN.ts), then run this again.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
bin="${VENV_BIN:-$root/.venv/bin}"
cd "$root"
shopt -s globstar nullglob
"$bin/python" packaging/collect_error_texts.py
sources=(src/indicite/ui/**/*.py)
for ts in resources/translations/indicite_*.ts; do
    "$bin/pyside6-lupdate" -no-obsolete -locations relative "${sources[@]}" -ts "$ts"
    "$bin/pyside6-lrelease" "$ts" -qm "${ts%.ts}.qm"
done
