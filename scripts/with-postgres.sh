#!/usr/bin/env bash
# Runs a command with a throwaway PostgreSQL server: initdb into a temporary directory (as the
# `postgres` user when run as root, since initdb refuses root), listen on 127.0.0.1 at a free
# port and on a socket in that directory, export ORMC_TEST_POSTGRES_URL, run the command, and
# stop and delete the server afterwards, whether the command passed or not. The server runs with
# standard_conforming_strings=off, the setting under which a backslash in a literal escapes the
# quote after it: ormc's connections and its schema.postgresql.sql must not depend on the default.
# With --standby it also makes a streaming replica of that server (pg_basebackup -R) on another
# free port, waits until it replays, and exports ORMC_TEST_POSTGRES_STANDBY_URL and
# ORMC_TEST_POSTGRES_STANDBY_CTL, for the tests of ormc::Cluster.
#   scripts/with-postgres.sh [--standby] <command> [args...]
set -euo pipefail
with_standby=false
if [[ ${1:-} == --standby ]]; then
  with_standby=true
  shift
fi

pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[[ -x "$pg_bin/initdb" ]] || { echo "with-postgres: no PostgreSQL server installed" >&2; exit 1; }

dir=$(mktemp -d /tmp/ormc-pg.XXXXXX)
as_owner=()
if [[ $(id -u) -eq 0 ]]; then
  chown postgres: "$dir"
  as_owner=(runuser -u postgres --)
fi
free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}
port=$(free_port)

stop() {
  if [[ -d "$dir/standby" ]]; then
    "${as_owner[@]}" "$pg_bin/pg_ctl" -D "$dir/standby" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  "${as_owner[@]}" "$pg_bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap stop EXIT

"${as_owner[@]}" "$pg_bin/initdb" -D "$dir/data" -U postgres -A trust --no-sync -E UTF8 \
  --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
"${as_owner[@]}" "$pg_bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start \
  -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200 -c standard_conforming_strings=off" \
  >/dev/null || { cat "$dir/server.log" >&2; exit 1; }

# Stops and starts this server (`ctl stop|start`), for tests of a server going away.
cat >"$dir/ctl" <<CTL
#!/bin/sh
exec ${as_owner[*]} "$pg_bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 -m immediate \
  -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200 -c standard_conforming_strings=off" "\$1"
CTL
chmod 755 "$dir/ctl"

export ORMC_TEST_POSTGRES_URL="postgresql://postgres@127.0.0.1:$port/postgres"
export ORMC_TEST_POSTGRES_CTL="$dir/ctl"
echo "with-postgres: PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port"

if $with_standby; then
  # A hot standby streaming from the server above (initdb's pg_hba.conf trusts local replication
  # connections; wal_level=replica is PostgreSQL's default). -R writes primary_conninfo and
  # standby.signal, so that it starts as a standby.
  standby_port=$(free_port)
  "${as_owner[@]}" "$pg_bin/pg_basebackup" -h 127.0.0.1 -p "$port" -U postgres -D "$dir/standby" \
    -R -X stream --no-sync >"$dir/basebackup.log" 2>&1 || { cat "$dir/basebackup.log" >&2; exit 1; }
  standby_options="-p $standby_port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200 -c standard_conforming_strings=off -c hot_standby=on -c hot_standby_feedback=on"
  "${as_owner[@]}" "$pg_bin/pg_ctl" -D "$dir/standby" -l "$dir/standby.log" -w -t 60 start \
    -o "$standby_options" >/dev/null || { cat "$dir/standby.log" >&2; exit 1; }
  cat >"$dir/standby-ctl" <<CTL
#!/bin/sh
exec ${as_owner[*]} "$pg_bin/pg_ctl" -D "$dir/standby" -l "$dir/standby.log" -w -t 60 -m immediate \
  -o "$standby_options" "\$1"
CTL
  chmod 755 "$dir/standby-ctl"
  # Streaming has begun once the primary lists the standby's WAL receiver.
  for _ in $(seq 1 100); do
    streaming=$("$pg_bin/psql" -h 127.0.0.1 -p "$port" -U postgres -Atc \
      "SELECT count(*) FROM pg_stat_replication WHERE state = 'streaming'" postgres)
    [[ $streaming == 1 ]] && break
    sleep 0.1
  done
  [[ $streaming == 1 ]] || { echo "with-postgres: the standby does not stream" >&2; cat "$dir/standby.log" >&2; exit 1; }
  export ORMC_TEST_POSTGRES_STANDBY_URL="postgresql://postgres@127.0.0.1:$standby_port/postgres"
  export ORMC_TEST_POSTGRES_STANDBY_CTL="$dir/standby-ctl"
  echo "with-postgres: its streaming standby on 127.0.0.1:$standby_port"
fi
set +e
"$@"
status=$?
set -e
exit $status
