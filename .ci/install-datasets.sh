#!/usr/bin/env bash
# Installs the Debian data set the dataset tests read: dataset-fashion-mnist (the four Fashion-MNIST
# IDX files under /usr/share/datasets/fashion-mnist). Idempotent: does nothing when the package is
# installed; otherwise runs `apt-get update` once and installs quietly. Runs as root, or through
# sudo when available.
#
# The tests require the files when CI=true (they fail, not skip, if they are missing); on a
# developer machine without them they are skipped. See docs/dataset.md.
set -euo pipefail

PACKAGE=dataset-fashion-mnist

if dpkg-query -W -f='${Status}' "$PACKAGE" 2>/dev/null | grep -q "install ok installed"; then
  echo "datasets: $PACKAGE already installed"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    SUDO="sudo"
  else
    echo "datasets: need root or sudo to install $PACKAGE" >&2
    exit 1
  fi
fi

export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "$PACKAGE" >/dev/null
echo "datasets: installed $PACKAGE ($(dpkg-query -W -f='${Version}' "$PACKAGE"))"
