#!/usr/bin/env bash
# CI check of the portable build (issue #19), run by .ci/run after `swift test`:
#  1. builds the portable binary (swift build -c release --static-swift-stdlib) and checks with ldd
#     that it needs no Swift toolchain library;
#  2. copies it ALONE into an empty folder and runs the README's first command from there with an
#     empty environment (env -i) — inside a minimal Debian chroot made by debootstrap (no toolchain
#     at all) when debootstrap can make one, otherwise on this machine with the toolchain's library
#     folders hidden from the loader (an empty folder mounted over them in a private mount
#     namespace) — and compares the output byte for byte with `swift run caresurvey measures …`
#     from the checkout;
#  3. installs into a temporary prefix with scripts/install.sh, checks the files, uninstalls, and
#     checks that nothing is left.
# CARESURVEY_CHROOT=DIR reuses (or creates) the chroot there; CARESURVEY_NO_CHROOT=1 skips debootstrap.
set -euo pipefail
cd "$(dirname "$0")/.."
REPO=$(pwd)
fail() { echo "check-portable: FAILED: $*" >&2; exit 1; }
WORK=$(mktemp -d /tmp/caresurvey-portable.XXXXXX)
cleanup() { rm -rf --one-file-system "$WORK"; }
trap cleanup EXIT

echo "check-portable: building the portable binary"
swift build -c release --static-swift-stdlib --product caresurvey
BIN="$(swift build -c release --static-swift-stdlib --show-bin-path)/caresurvey"
[ -x "$BIN" ] || fail "no binary at $BIN"
SWIFT_LIB=$(dirname "$(dirname "$(readlink -f "$(command -v swift)")")")/lib
echo "check-portable: $(du -h "$BIN" | cut -f1) ($(stat -c %s "$BIN") bytes); ldd:"
ldd "$BIN" | tee "$WORK/ldd.txt"
if grep -Eq 'swift|Foundation|dispatch|BlocksRuntime|not found' "$WORK/ldd.txt"; then
  fail "the binary needs a library of the Swift toolchain (or a missing one)"
fi

echo "check-portable: the expected output (swift run from the checkout)"
ARGS=(measures Examples/ascs/returns.csv --population Examples/ascs/population.csv)
swift run caresurvey "${ARGS[@]}" > "$WORK/expected.json"
swift run caresurvey "${ARGS[@]}" --format text > "$WORK/expected.txt"
[ -s "$WORK/expected.json" ] || fail "swift run printed nothing"

# The run directory: an empty folder holding only the binary; the example data live elsewhere.
# Both ways use a private mount namespace (unshare), so nothing mounted here outlives the run.
CHROOT_BIN=$(command -v chroot || echo /usr/sbin/chroot)
run_alone() { # $1 = root ("/" or the chroot), then the caresurvey arguments
  local root=$1; shift
  if [ "$root" = / ]; then
    if [ "$HIDE" = 1 ]; then
      unshare --mount sh -c 'mount --bind "$1" "$2" && shift 2 && exec "$@"' sh "$WORK/empty" "$SWIFT_LIB" \
        env -i -C "$RUN" ./caresurvey "$@"
    else
      env -i -C "$RUN" ./caresurvey "$@"
    fi
  else
    # /proc is mounted as on any running system (Swift reads the arguments from /proc/self/cmdline).
    unshare --mount sh -c 'mount -t proc proc "$1/proc" && shift && exec "$@"' sh "$root" \
      env -i "$CHROOT_BIN" "$root" /usr/bin/env -i -C "${RUN#"$root"}" ./caresurvey "$@"
  fi
}
HIDE=1
if ! unshare --mount true 2>/dev/null; then
  HIDE=0
  echo "check-portable: WARNING: no private mount namespace here (not root?): the copied binary runs with an empty"
  echo "check-portable: environment, alone in its folder, but neither in a chroot nor with the toolchain hidden (ldd checked above)"
fi

ROOT=/
CHROOT=${CARESURVEY_CHROOT:-$WORK/debian}
if [ "${CARESURVEY_NO_CHROOT:-}" != 1 ] && [ "$HIDE" = 1 ]; then
  if [ ! -x "$CHROOT/usr/bin/env" ]; then
    command -v debootstrap >/dev/null || { apt-get update -qq && apt-get install -y -qq debootstrap; } > "$WORK/apt.log" 2>&1 || true
    if command -v debootstrap >/dev/null; then
      echo "check-portable: making a minimal Debian chroot (debootstrap --variant=minbase bookworm; a few minutes)"
      SECONDS=0
      debootstrap --variant=minbase bookworm "$CHROOT" http://deb.debian.org/debian > "$WORK/debootstrap.log" 2>&1 \
        || echo "check-portable: debootstrap failed: $(tail -2 "$WORK/debootstrap.log")"
      echo "check-portable: debootstrap took ${SECONDS}s"
    fi
  fi
  if [ -x "$CHROOT/usr/bin/env" ]; then ROOT=$CHROOT
  else echo "check-portable: no Debian chroot could be made; running on this machine with the toolchain's libraries hidden"; fi
fi
if [ "$ROOT" != / ]; then
  [ ! -e "$ROOT/opt/swift" ] && ! ls "$ROOT"/usr/bin/swift* >/dev/null 2>&1 || fail "the chroot has a Swift toolchain"
  RUN=$(mktemp -d "$ROOT/tmp/alone.XXXXXX")
  DATA=$(mktemp -d "$ROOT/tmp/data.XXXXXX")
else
  mkdir -p "$WORK/empty"
  RUN=$(mktemp -d "$WORK/alone.XXXXXX")
  DATA=$WORK/data
  mkdir -p "$DATA"
fi
cp "$BIN" "$RUN/caresurvey"
cp Examples/ascs/returns.csv Examples/ascs/population.csv "$DATA/"
D=${DATA#$ROOT}; [ "$ROOT" = / ] && D=$DATA
[ "$(ls -A "$RUN")" = caresurvey ] || fail "the run folder holds more than the binary"
echo "check-portable: running the copied binary alone in $RUN (root $ROOT), empty environment"
run_alone "$ROOT" measures "$D/returns.csv" --population "$D/population.csv" > "$WORK/actual.json" \
  || fail "the copied binary failed"
run_alone "$ROOT" measures "$D/returns.csv" --population "$D/population.csv" --format text > "$WORK/actual.txt"
cmp "$WORK/expected.json" "$WORK/actual.json" || fail "the copied binary's output differs from swift run's"
cmp "$WORK/expected.txt" "$WORK/actual.txt" || fail "the copied binary's text output differs from swift run's"
run_alone "$ROOT" --version
[ "$(ls -A "$RUN")" = caresurvey ] || fail "the run wrote files beside the binary"
rm -rf "$RUN" "$DATA"
echo "check-portable: OK — the copied binary reproduces \`swift run caresurvey ${ARGS[*]}\` ($(wc -c < "$WORK/actual.json") bytes JSON, $(wc -l < "$WORK/actual.txt") lines text)"

echo "check-portable: install / uninstall into a temporary prefix"
PREFIX=$WORK/prefix
mkdir -p "$PREFIX"
scripts/install.sh --binary "$BIN" "$PREFIX"
for f in bin/caresurvey share/man/man1/caresurvey.1.gz share/man/man1/caresurvey.measures.1.gz \
         share/bash-completion/completions/caresurvey share/zsh/site-functions/_caresurvey \
         share/fish/vendor_completions.d/caresurvey.fish; do
  [ -s "$PREFIX/$f" ] || fail "install did not write $f"
done
env -i "$PREFIX/bin/caresurvey" --version | head -2
zcat "$PREFIX/share/man/man1/caresurvey.measures.1.gz" | grep -c -- "Fl -data" >/dev/null || fail "the measures man page does not document --data"
bash -c "source '$PREFIX/share/bash-completion/completions/caresurvey'" || fail "the bash completion script does not load"
scripts/install.sh --uninstall "$PREFIX"
LEFT=$(find "$PREFIX" -mindepth 1)
[ -z "$LEFT" ] || fail "uninstall left: $LEFT"
echo "check-portable: OK — install wrote binary, man pages and completions; uninstall removed them all"
