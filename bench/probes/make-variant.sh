#!/bin/sh
# Before/after for one server change: a copy of today's server/ in /tmp with
# the listed files as they are in git HEAD, for BENCH_SERVER_ROOT.
#
#   bench/probes/make-variant.sh nowatch server/src/services/watch.ts
#   BENCH_SERVER_ROOT=/tmp/tongxin-nowatch npm run bench -- --only fanout --viewers 2000
set -e
name=$1
shift
root=$(git rev-parse --show-toplevel)
dir=/tmp/tongxin-$name
rm -rf "$dir"
mkdir -p "$dir"
cp -r "$root/server" "$dir/server"
cp "$root/package.json" "$dir/package.json"
ln -s "$root/node_modules" "$dir/node_modules"
for f in "$@"; do git -C "$root" show "HEAD:$f" > "$dir/$f"; done
echo "$dir"
