#!/usr/bin/env bash
# PostgreSQL 17's pg_dump, pg_restore and psql on a Debian 12 machine, without installing anything.
#
# Debian 12 carries only postgresql-client-15, whose pg_dump refuses a PostgreSQL 17 server, and the
# embedded PostgreSQL binaries Linea uses have no pg_dump. Debian 13 packages postgresql-client-17,
# but it needs Debian 13's C library. This script downloads those packages from Debian 13 with apt
# (its own package lists, the system's untouched), unpacks them into a folder and writes wrappers that
# run each tool with Debian 13's loader and libraries. Where postgresql-client-17 can be installed
# (Debian 13, Ubuntu 25.04+, PostgreSQL's own apt repository, the postgres:17 container), install it
# instead: this is for tests and for a machine that cannot.
#
#   scripts/pg-client-17.sh [dir]      (default target/pg-client-17) -> prints the folder of the tools
set -euo pipefail

dir=$(realpath -m "${1:-target/pg-client-17}")
if [ -x "$dir/bin/pg_dump" ] && "$dir/bin/pg_dump" --version >/dev/null 2>&1; then
  echo "$dir/bin"
  exit 0
fi
apt_dir="$dir/apt"
mkdir -p "$apt_dir/lists/partial" "$apt_dir/debs" "$dir/root" "$dir/bin"
echo "deb http://deb.debian.org/debian trixie main" >"$apt_dir/sources.list"
apt_opts=(-q -o "Dir::Etc::sourcelist=$apt_dir/sources.list" -o "Dir::Etc::sourceparts=-"
  -o "Dir::State::Lists=$apt_dir/lists" -o "Dir::Cache::archives=$apt_dir/debs")
apt-get "${apt_opts[@]}" update >&2
# pg_dump, pg_restore and psql, and every library they load (ldd below checks the list is whole)
packages=(postgresql-client-17 libpq5 libc6 libssl3t64 libldap2 libgssapi-krb5-2 libkrb5-3 libk5crypto3
  libkrb5support0 libcom-err2 libkeyutils1 libsasl2-2 liblz4-1 libzstd1 zlib1g libgnutls30t64 libnettle8t64
  libhogweed6t64 libgmp10 libp11-kit0 libtasn1-6 libidn2-0 libunistring5 libffi8 libreadline8t64 libtinfo6)
(cd "$apt_dir/debs" && apt-get "${apt_opts[@]}" download "${packages[@]}" >&2)
for deb in "$apt_dir"/debs/*.deb; do
  dpkg-deb -x "$deb" "$dir/root"
done
lib="$dir/root/usr/lib/x86_64-linux-gnu"
for tool in pg_dump pg_restore pg_dumpall psql; do
  cat >"$dir/bin/$tool" <<EOF
#!/bin/sh
exec "$lib/ld-linux-x86-64.so.2" --library-path "$lib" "$dir/root/usr/lib/postgresql/17/bin/$tool" "\$@"
EOF
  chmod +x "$dir/bin/$tool"
done
missing=$("$lib/ld-linux-x86-64.so.2" --library-path "$lib" --list "$dir/root/usr/lib/postgresql/17/bin/psql" | grep "not found" || true)
if [ -n "$missing" ]; then
  echo "libraries missing: $missing" >&2
  exit 1
fi
"$dir/bin/pg_dump" --version >&2
echo "$dir/bin"
