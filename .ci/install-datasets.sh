#!/usr/bin/env bash
# Installs the Debian data set the dataset tests read: dataset-fashion-mnist (the four Fashion-MNIST
# IDX files under /usr/share/datasets/fashion-mnist). Idempotent: does nothing when the package is
# installed; otherwise installs it with install-debian-packages.sh (one `apt-get update`, as root
# or through sudo) and checks again.
#
# The tests require the files when CI=true (they fail, not skip, if they are missing); on a
# developer machine without them they are skipped. See docs/dataset.md.
set -euo pipefail

PACKAGE=dataset-fashion-mnist

installed() {
  dpkg-query -W -f='${Status}' "$PACKAGE" 2>/dev/null | grep -q "install ok installed"
}

if installed; then
  echo "datasets: $PACKAGE already installed"
  exit 0
fi

bash "$(dirname "${BASH_SOURCE[0]}")/install-debian-packages.sh" "$PACKAGE"
if ! installed; then
  echo "datasets: $PACKAGE is not installed after apt-get install" >&2
  exit 1
fi
echo "datasets: installed $PACKAGE ($(dpkg-query -W -f='${Version}' "$PACKAGE"))"
