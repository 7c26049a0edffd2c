#!/usr/bin/env bash
# Checks a TURN server as Tongxin's calls use it (docs/TURN.md, "Checking it"):
# a credential of the coturn REST scheme that expires in 10 minutes must
# relay, one that expired a minute ago must be refused. The credentials are
# computed here and given as -u/-w: turnutils_uclient's own -W would put its
# own timestamp in the username, so an expiry check through it cannot fail.
#
#   TURN_SECRET=… scripts/turn-check.sh turn.example.org [port]
set -uo pipefail
host="${1:?usage: TURN_SECRET=… $0 HOST [PORT]}"
port="${2:-3478}"
secret="${TURN_SECRET:?set TURN_SECRET to the static-auth-secret of coturn}"

credential() { printf '%s' "$1" | openssl dgst -binary -sha1 -hmac "$secret" | base64; }
relays() {
  local user="$1"
  timeout 20 turnutils_uclient -y -n 2 -c -p "$port" -u "$user" -w "$(credential "$user")" "$host" >/dev/null 2>&1
}

now="$(date +%s)"
if relays "$((now + 600)):turn-check"; then
  echo "ok: a credential valid for 10 minutes relays"
else
  echo "FAIL: a valid credential was refused (wrong TURN_SECRET, or the server is unreachable)"; exit 1
fi
if relays "$((now - 60)):turn-check"; then
  echo "FAIL: a credential that expired a minute ago still relays"; exit 1
else
  echo "ok: an expired credential is refused"
fi
