#!/usr/bin/env bash
# Installs the Debian packages the notebook-export tests need: jupyter nbconvert (to check that an
# exported .ipynb converts to HTML) with nbformat's validator. Idempotent: does nothing when
# /usr/bin/python3 already imports nbconvert and nbformat; otherwise installs them with
# install-debian-packages.sh (one `apt-get update`, as root or through sudo) and checks again.
#
# The tests require nbconvert when CI=true (they fail, not skip, if it is missing); on a
# developer machine without it they are skipped. See docs/export.md.
set -euo pipefail

PACKAGES=(jupyter-nbconvert python3-nbformat python3-nbclient python3-ipykernel)

installed() {
  /usr/bin/python3 -c 'import nbconvert, nbformat' >/dev/null 2>&1 && [ -x /usr/bin/jupyter ]
}

if installed; then
  echo "notebook tools: already installed ($(/usr/bin/jupyter nbconvert --version))"
  exit 0
fi

bash "$(dirname "${BASH_SOURCE[0]}")/install-debian-packages.sh" "${PACKAGES[@]}"
if ! installed; then
  echo "notebook tools: ${PACKAGES[*]} installed, but python3 cannot import nbconvert and nbformat" >&2
  exit 1
fi
echo "notebook tools: installed ($(/usr/bin/jupyter nbconvert --version))"
