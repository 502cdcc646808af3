#!/usr/bin/env bash
# Installs the Debian packages named on the command line: runs `apt-get update` once and installs
# them quietly without recommends. Runs as root, or through sudo when available. Callers check
# first whether what they need is already there (so an installed machine needs neither root nor
# the network) and check afterwards that it works.
#
# Usage: install-debian-packages.sh PACKAGE...
set -euo pipefail

if [ "$#" -eq 0 ]; then
  echo "usage: $0 PACKAGE..." >&2
  exit 2
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    SUDO="sudo"
  else
    echo "need root or sudo to install $*" >&2
    exit 1
  fi
fi

export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "$@" >/dev/null
