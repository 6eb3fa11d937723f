#!/usr/bin/env bash
# Print the path of a Python >= 3.12: from PATH first, then from pyenv's versions.
set -euo pipefail
ok() { "$1" -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; }
for name in python3.14 python3.13 python3.12 python3; do
  if path=$(command -v "$name" 2>/dev/null) && ok "$path"; then echo "$path"; exit 0; fi
done
root=$(pyenv root 2>/dev/null || echo "$HOME/.pyenv")
for path in $(ls -d "$root"/versions/3.1[2-9]*/bin/python3 2>/dev/null | sort -rV); do
  if ok "$path"; then echo "$path"; exit 0; fi
done
echo "No Python 3.12 or later found on PATH or under $root/versions" >&2
exit 1
