#!/usr/bin/env bash
# PostgreSQL for the tests' PostgreSQL pass: 127.0.0.1:5432, user postgres, trust auth (this is
# a throwaway CI machine). Installs the server when it is missing, creates and starts its
# cluster, and allows user postgres from 127.0.0.1 without a password. Every step looks first:
# on a machine where such a server already answers nothing is changed, and a second run is a
# no-op. Run as root (apt-get, pg_ctlcluster); sourced by .ci/run, or run on its own.
set -euo pipefail

answers() {
  command -v psql >/dev/null 2>&1 && psql -h 127.0.0.1 -p 5432 -U postgres -w -Atqc "select 1" >/dev/null 2>&1
}

# pg_hba.conf takes the first line that matches: ours goes first, once.
allow_local_trust() {
  local hba=$1 line="host all postgres 127.0.0.1/32 trust"
  if grep -Eq '^host[[:space:]]+all[[:space:]]+(all|postgres)[[:space:]]+127\.0\.0\.1/32[[:space:]]+trust' "$hba"; then return 1; fi
  sed -i "1i # Parley CI: the tests connect as postgres from 127.0.0.1 without a password.\n$line" "$hba"
}

ensure_postgres() {
  if answers; then
    echo "== PostgreSQL answers on 127.0.0.1:5432"
    return
  fi
  if ! command -v pg_ctlcluster >/dev/null 2>&1 || [ -z "$(ls /usr/lib/postgresql 2>/dev/null)" ]; then
    echo "== installing PostgreSQL"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  fi
  local version
  version=$(ls /usr/lib/postgresql | sort -V | tail -1)
  if [ ! -d "/etc/postgresql/$version/main" ]; then
    echo "== creating the PostgreSQL $version cluster"
    pg_createcluster --port 5432 "$version" main >/dev/null
  fi
  local changed=no
  if allow_local_trust "/etc/postgresql/$version/main/pg_hba.conf"; then changed=yes; fi
  if pg_ctlcluster "$version" main status >/dev/null 2>&1; then
    if [ "$changed" = yes ]; then pg_ctlcluster "$version" main reload; fi
  else
    echo "== starting PostgreSQL $version"
    pg_ctlcluster --skip-systemctl-redirect "$version" main start
  fi
  for _ in $(seq 1 30); do answers && break; sleep 1; done
  if ! answers; then
    echo "PostgreSQL $version does not accept user postgres on 127.0.0.1:5432; see /var/log/postgresql/postgresql-$version-main.log" >&2
    exit 1
  fi
  echo "== PostgreSQL $version answers on 127.0.0.1:5432"
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then ensure_postgres; fi
