#!/usr/bin/env bash
# Packaging smoke test (Linux): builds the app-image and .deb with `mvn -Ppackage package`, then runs the
# packaged launcher the way an admin would. Checks:
#   - only this platform's PostgreSQL binaries are in the image;
#   - the .deb is at most 90 MB and depends on libgtk-3-0;
#   - `nemo-console --version` prints the app, Java and JavaFX versions;
#   - `nemo-console check` on the demo database (in a temporary home) prints the ready line;
#   - with xvfb-run present: the packaged GUI starts under Xvfb and a screenshot is taken.
# Measurements go to stdout and target/packaging-smoke/report.txt.
# Usage: scripts/package-smoke-test.sh [--skip-build]   (--skip-build reuses target/jpackage)
set -euo pipefail
cd "$(dirname "$0")/.."

max_deb_bytes=$((90 * 1024 * 1024))
out=target/packaging-smoke
image=target/jpackage/nemo-console
launcher=$image/bin/nemo-console

fail() {
  echo "package smoke test FAILED: $*" >&2
  exit 1
}

millis() {
  date +%s%3N
}

build_seconds=skipped
if [ "${1:-}" != "--skip-build" ]; then
  start=$(millis)
  # Tests ran already in `mvn verify`; this measures the packaging itself.
  mvn -B -q -Ppackage -DskipTests package
  build_seconds=$(( ($(millis) - start) / 1000 ))
fi
rm -rf "$out"
mkdir -p "$out"

[ -x "$launcher" ] || fail "no launcher at $launcher"

# Only the build platform's PostgreSQL binaries ship.
arch=$(uname -m)
case "$arch" in
  x86_64) expected_binaries=linux-amd64 ;;
  aarch64) expected_binaries=linux-arm64v8 ;;
  *) fail "no PostgreSQL binaries expected for $arch" ;;
esac
binaries=$(cd "$image/lib/app/lib" && ls embedded-postgres-binaries-* 2>/dev/null || true)
[ "$(echo "$binaries" | wc -w)" -eq 1 ] || fail "expected one PostgreSQL binaries jar, found: ${binaries:-none}"
[[ "$binaries" == embedded-postgres-binaries-$expected_binaries-* ]] || fail "wrong PostgreSQL binaries: $binaries"

deb=$(ls target/jpackage/*.deb 2>/dev/null | head -1)
[ -n "$deb" ] || fail "no .deb in target/jpackage"
deb_bytes=$(stat -c %s "$deb")
[ "$deb_bytes" -le "$max_deb_bytes" ] || fail "$deb is $deb_bytes bytes, over 90 MB"
# Captured first: with pipefail, grep -q closing the pipe early could fail the check spuriously.
depends=$(dpkg-deb -f "$deb" Depends)
grep -qw libgtk-3-0 <<< "$depends" || fail "$deb does not depend on libgtk-3-0 (Depends: $depends)"

"$launcher" --version > "$out/version.txt"
grep -q '^Nemo Console [0-9]' "$out/version.txt" || fail "--version printed no app version: $(cat "$out/version.txt")"
grep -q '^Java ' "$out/version.txt" || fail "--version printed no Java version"
grep -q '^JavaFX ' "$out/version.txt" || fail "--version printed no JavaFX version"

# A fresh home: the demo database is created from scratch, as on a new workstation.
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
export NEMO_CONSOLE_HOME=$home
start=$(millis)
status=0
"$launcher" check > "$out/check.txt" 2>&1 || status=$?
check_millis=$(( $(millis) - start ))
[ "$status" -eq 0 ] || fail "check exited $status: $(cat "$out/check.txt")"
grep -q '^ready: ' "$out/check.txt" || fail "check printed no ready line: $(cat "$out/check.txt")"

# Arguments reach the program unchanged: a stray argument to check is refused with exit code 2.
status=0
"$launcher" check surplus > "$out/bad-argument.txt" 2>&1 || status=$?
[ "$status" -eq 2 ] || fail "'check surplus' exited $status, expected 2"

screenshot=none
if command -v xvfb-run >/dev/null 2>&1 && command -v import >/dev/null 2>&1 && command -v xwininfo >/dev/null 2>&1; then
  # Inside Xvfb: start the GUI on the demo database made above and wait for its window. The first
  # frame shows "Opening the database"; the screenshot is taken once the organization list has
  # replaced it (a large share of the screen changes), or after 40 s, whichever comes first.
  xvfb-run -a -s "-screen 0 1440x900x24" bash -c '
    set -u
    started=$(date +%s%3N)
    "$1" > "$2/gui.log" 2>&1 &
    gui=$!
    for _ in $(seq 1 60); do
      xwininfo -root -tree 2>/dev/null | grep -q "\"Nemo Console\"" && break
      kill -0 "$gui" 2>/dev/null || break
      sleep 0.5
    done
    sleep 1
    import -window root "$2/gui-opening.png"
    for _ in $(seq 1 40); do
      kill -0 "$gui" 2>/dev/null || break
      import -window root "$2/gui.png"
      changed=$(compare -metric AE -fuzz 10% "$2/gui-opening.png" "$2/gui.png" null: 2>&1 || true)
      if [ "${changed%%.*}" -gt 50000 ] 2>/dev/null; then
        echo "$(( $(date +%s%3N) - started )) ms" > "$2/gui-ready.txt"
        break
      fi
      sleep 1
    done
    if ! kill -0 "$gui" 2>/dev/null; then
      echo "the GUI exited early" >&2
      exit 1
    fi
    kill "$gui"
    wait "$gui" || true
  ' _ "$launcher" "$out" || fail "packaged GUI did not run under Xvfb: $(tail -5 "$out/gui.log")"
  spread=$(convert "$out/gui.png" -format '%[fx:standard_deviation]' info:)
  awk -v s="$spread" 'BEGIN { exit !(s > 0.02) }' || fail "the screenshot is blank"
  screenshot="$out/gui.png (organization list shown after $(cat "$out/gui-ready.txt" 2>/dev/null || echo 'no change within 40 s'))"
fi

# PostgreSQL stops with the JVM; leave nothing running from the temporary home.
leftover=$(pgrep -f "$home" || true)
[ -z "$leftover" ] || fail "processes still running from $home: $leftover"

{
  echo "package build (mvn -Ppackage package -DskipTests): ${build_seconds} s"
  echo "app-image: $(du -sm "$image" | cut -f1) MB ($image)"
  echo ".deb: $((deb_bytes / 1024 / 1024)) MB, $deb_bytes bytes ($deb)"
  echo "check on a fresh demo database: ${check_millis} ms"
  echo "version: $(tr '\n' ';' < "$out/version.txt")"
  echo "ready line: $(grep '^ready: ' "$out/check.txt")"
  echo "screenshot: $screenshot"
} | tee "$out/report.txt"
echo "package smoke test passed"
