#!/bin/sh
# Fetches the OpenCorpora dictionary as packaged in npm az@0.2.3 into CACHE_DIR (default:
# .cache/az under the repository), verifies the registry's sha512 integrity and extracts
# package/dicts/. Offline once the tarball is cached. Needs: npm (only when not cached),
# coreutils (sha512sum, base64), perl (hex -> binary; perl-base is Essential in Debian), tar.
#
# Data license: OpenCorpora, CC BY-SA 3.0 (the package code is MIT).
set -eu

VERSION=0.2.3
INTEGRITY='sha512-U8d6Tw8ohZ8dcEp8aKjFYo+DU3BT8JPmYqmW0A0BsWW8ocP+F6gLZvrtglHq7pYa84dCEp3NHAoZoC4W3Lth2w=='

here=$(cd "$(dirname "$0")/.." && pwd)
cache=${1:-$here/.cache/az}
mkdir -p "$cache"
cd "$cache"
tgz=az-$VERSION.tgz

verify() {
  actual="sha512-$(sha512sum "$1" | cut -d' ' -f1 | perl -ne 'chomp; print pack("H*", $_)' | base64 -w0)"
  [ "$actual" = "$INTEGRITY" ]
}

if [ ! -f "$tgz" ]; then
  command -v npm >/dev/null 2>&1 || {
    echo "fetch-az.sh: $cache/$tgz is not cached and npm is not installed (apt-get install npm)" >&2
    exit 1
  }
  echo "fetch-az.sh: npm pack az@$VERSION into $cache" >&2
  npm pack "az@$VERSION" --silent >/dev/null
fi
if ! verify "$tgz"; then
  echo "fetch-az.sh: $cache/$tgz: sha512 integrity mismatch (expected $INTEGRITY); delete it and retry" >&2
  exit 1
fi
stamp=package/dicts/.verified-$VERSION
if [ ! -f "$stamp" ] || [ "$tgz" -nt "$stamp" ]; then
  rm -rf package
  tar --no-same-owner -xzf "$tgz" package/dicts
  touch "$stamp"
fi
echo "$cache/package/dicts"
