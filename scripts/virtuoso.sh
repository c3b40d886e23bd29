#!/usr/bin/env bash
# A throw-away Virtuoso for trying `kg push` / `kg query --endpoint` (and for the remote tests).
#
#   scripts/virtuoso.sh install                 install the Debian package (root or sudo, apt-get; ~30 s)
#   scripts/virtuoso.sh start DIR [HTTP] [SQL]  new database in DIR, on 127.0.0.1 ports HTTP (8890) and SQL (1111)
#   scripts/virtuoso.sh stop DIR                stop the server started in DIR (by the PID it recorded)
#   scripts/virtuoso.sh run DIR [HTTP] [SQL]    new database in DIR, server in the foreground (for supervisors
#                                               and tests: it stops when its caller stops it; no grant)
#
# `start` writes DIR/virtuoso.ini, starts virtuoso-t in the foreground of a background job, records its
# PID in DIR/virtuoso.pid, waits (at most VIRTUOSO_WAIT seconds, default 60) until the SPARQL endpoint
# answers, then grants SPARQL_UPDATE to the anonymous SPARQL user so that the plain endpoints accept
# updates too. The dba password of a new database is "dba". Endpoints once it is up:
#   query  http://127.0.0.1:HTTP/sparql                     (default graph = union of all graphs)
#   GSP    http://127.0.0.1:HTTP/sparql-graph-crud-auth     (digest auth, user dba / password dba)
#   update http://127.0.0.1:HTTP/sparql-auth                (digest auth, user dba / password dba)
# Only for local trials: the anonymous user may write. Never expose these ports.
set -euo pipefail

die() { echo "virtuoso.sh: $*" >&2; exit 2; }

find_isql() {
    for name in isql-vt isql-v isql; do
        if command -v "$name" >/dev/null 2>&1; then command -v "$name"; return 0; fi
    done
    return 1
}

write_ini() {
    local dir=$1 http=$2 sql=$3 vsp=/var/lib/virtuoso-opensource-7/vsp
    [ -d "$vsp" ] || vsp=$dir
    cat >"$dir/virtuoso.ini" <<EOF
[Database]
DatabaseFile    = $dir/virtuoso.db
ErrorLogFile    = $dir/virtuoso.log
LockFile        = $dir/virtuoso.lck
TransactionFile = $dir/virtuoso.trx
xa_persistent_file = $dir/virtuoso.pxa
ErrorLogLevel   = 7
FileExtend      = 200
MaxCheckpointRemap = 2000
Striping        = 0
TempStorage     = TempDatabase

[TempDatabase]
DatabaseFile    = $dir/virtuoso-temp.db
TransactionFile = $dir/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping        = 0

[Parameters]
ServerPort          = 127.0.0.1:$sql
DisableUnixSocket   = 1
DisableTcpSocket    = 0
MaxClientConnections = 10
CheckpointInterval  = 60
O_DIRECT            = 0
CaseMode            = 2
MaxStaticCursorRows = 5000
AllowOSCalls        = 0
DirsAllowed         = ., $dir
NumberOfBuffers     = 10000
MaxDirtyBuffers     = 6000
ThreadsPerQuery     = 2

[HTTPServer]
ServerPort          = 127.0.0.1:$http
ServerRoot          = $vsp
MaxClientConnections = 10
DavRoot             = DAV
EnabledDavVSP       = 0
HTTPProxyEnabled    = 0
ServerThreads       = 10
MaxKeepAlives       = 10
KeepAliveTimeout    = 10
Charset             = UTF-8
EnabledGzipContent  = 0

[SPARQL]
ResultSetMaxRows           = 100000
MaxQueryCostEstimationTime = 400
MaxQueryExecutionTime      = 60
EOF
}

run() {
    local dir=${1:?usage: virtuoso.sh run DIR [HTTP_PORT] [SQL_PORT]} http=${2:-8890} sql=${3:-1111}
    command -v virtuoso-t >/dev/null 2>&1 || die "virtuoso-t is not installed (scripts/virtuoso.sh install)"
    mkdir -p "$dir"
    dir=$(cd "$dir" && pwd)
    write_ini "$dir" "$http" "$sql"
    cd "$dir"
    exec virtuoso-t +foreground +configfile "$dir/virtuoso.ini"
}

start() {
    local dir=${1:?usage: virtuoso.sh start DIR [HTTP_PORT] [SQL_PORT]} http=${2:-8890} sql=${3:-1111}
    command -v virtuoso-t >/dev/null 2>&1 || die "virtuoso-t is not installed (scripts/virtuoso.sh install)"
    local isql
    isql=$(find_isql) || die "the Virtuoso isql client is not installed"
    mkdir -p "$dir"
    dir=$(cd "$dir" && pwd)
    [ -e "$dir/virtuoso.pid" ] && die "$dir already has a running server (stop it first)"
    write_ini "$dir" "$http" "$sql"
    (cd "$dir" && exec virtuoso-t +foreground +configfile "$dir/virtuoso.ini" >"$dir/stdout.log" 2>&1) &
    local pid=$!
    echo "$pid" >"$dir/virtuoso.pid"
    local wait=${VIRTUOSO_WAIT:-60} step
    for ((step = 0; step < wait * 4; step++)); do
        kill -0 "$pid" 2>/dev/null || { rm -f "$dir/virtuoso.pid"; tail -n 20 "$dir/virtuoso.log" >&2 || true;
                                         die "virtuoso-t exited during start-up (log above)"; }
        if "$isql" "127.0.0.1:$sql" dba dba exec="status();" >/dev/null 2>&1 \
           && curl -s -o /dev/null -f "http://127.0.0.1:$http/sparql?query=ASK%7B%7D"; then
            "$isql" "127.0.0.1:$sql" dba dba exec='GRANT SPARQL_UPDATE TO "SPARQL";' >/dev/null
            echo "virtuoso up: pid $pid, http://127.0.0.1:$http/sparql (dba/dba), database in $dir"
            return 0
        fi
        sleep 0.25
    done
    stop "$dir"
    die "virtuoso-t did not answer within ${wait}s (see $dir/virtuoso.log)"
}

stop() {
    local dir=${1:?usage: virtuoso.sh stop DIR} pid step
    [ -f "$dir/virtuoso.pid" ] || die "no server recorded in $dir"
    pid=$(cat "$dir/virtuoso.pid")
    kill -TERM "$pid" 2>/dev/null || true
    for ((step = 0; step < 120; step++)); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.25
    done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null || true
    rm -f "$dir/virtuoso.pid"
}

install() {
    command -v apt-get >/dev/null 2>&1 || die "apt-get not found: install Virtuoso Open Source by hand"
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo=sudo
    $sudo apt-get update -qq
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq virtuoso-opensource
}

case ${1:-} in
    start) shift; start "$@" ;;
    run) shift; run "$@" ;;
    stop) shift; stop "$@" ;;
    install) install ;;
    *) die "usage: virtuoso.sh install | start DIR [HTTP_PORT] [SQL_PORT] | stop DIR | run DIR [HTTP_PORT] [SQL_PORT]" ;;
esac
