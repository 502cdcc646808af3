#!/usr/bin/env bash
# Installs the Debian packages the notebook-export tests need: jupyter nbconvert (to check that an
# exported .ipynb converts to HTML) with nbformat's validator. Idempotent: does nothing when
# /usr/bin/python3 already imports nbconvert and nbformat; otherwise runs `apt-get update` once
# and installs quietly. Runs as root, or through sudo when available.
#
# The tests require nbconvert when CI=true (they fail, not skip, if it is missing); on a
# developer machine without it they are skipped. See docs/export.md.
set -euo pipefail

PACKAGES=(jupyter-nbconvert python3-nbformat python3-nbclient python3-ipykernel)

if /usr/bin/python3 -c 'import nbconvert, nbformat' >/dev/null 2>&1 && [ -x /usr/bin/jupyter ]; then
  echo "notebook tools: already installed ($(/usr/bin/jupyter nbconvert --version))"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    SUDO="sudo"
  else
    echo "notebook tools: need root or sudo to install ${PACKAGES[*]}" >&2
    exit 1
  fi
fi

export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${PACKAGES[@]}" >/dev/null
echo "notebook tools: installed ($(/usr/bin/jupyter nbconvert --version))"
