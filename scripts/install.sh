#!/usr/bin/env bash
# Builds the portable caresurvey (one executable, Swift runtime linked in statically; survey content
# built in) and installs it with its man page and bash/zsh/fish completions under PREFIX:
#
#   PREFIX/bin/caresurvey
#   PREFIX/share/man/man1/caresurvey.1.gz (and caresurvey.<subcommand>.1.gz)
#   PREFIX/share/bash-completion/completions/caresurvey
#   PREFIX/share/zsh/site-functions/_caresurvey
#   PREFIX/share/fish/vendor_completions.d/caresurvey.fish
#   PREFIX/share/caresurvey/install-manifest   (what was installed, for --uninstall)
#
# usage: scripts/install.sh PREFIX               build and install (e.g. /usr/local, ~/.local)
#        scripts/install.sh --uninstall PREFIX   remove exactly what the install wrote
#        scripts/install.sh --binary FILE PREFIX install an already built binary (no build)
#
# The man pages come from ArgumentParser's generate-manual tool (built from the resolved
# swift-argument-parser checkout, no network), the completions from the tool's own
# --generate-completion-script. Uninstall reads the manifest: it removes the files listed there
# and the folders the install created, if they are empty; nothing else.
set -euo pipefail
cd "$(dirname "$0")/.."
REPO=$(pwd)

usage() { echo "usage: $0 [--uninstall | --binary FILE] PREFIX" >&2; exit 2; }
MODE=install BINARY=
while [ $# -gt 1 ]; do
  case "$1" in
    --uninstall) MODE=uninstall; shift ;;
    --binary) [ $# -ge 3 ] || usage; BINARY=$2; shift 2 ;;
    *) usage ;;
  esac
done
[ $# -eq 1 ] && [ -n "$1" ] || usage
case "$1" in -*) usage ;; esac
[ "$MODE" = install ] && { mkdir -p "$1" 2>/dev/null || true; }
[ -d "$1" ] || { echo "install.sh: $1: not a folder" >&2; exit 3; }
PREFIX=$(cd "$1" && pwd)
MANIFEST="$PREFIX/share/caresurvey/install-manifest"

if [ "$MODE" = uninstall ]; then
  [ -f "$MANIFEST" ] || { echo "install.sh: $MANIFEST not found: nothing installed there by this script" >&2; exit 1; }
  # Files first, then the folders the install created, deepest first (only if empty).
  DIRS=$(grep $'^dir\t' "$MANIFEST.dirs" 2>/dev/null | cut -f2 | sort -r || true)
  while IFS=$'\t' read -r kind path; do
    [ "$kind" = file ] && rm -f -- "$PREFIX/$path"
  done < "$MANIFEST"
  rm -f -- "$MANIFEST" "$MANIFEST.dirs"
  while read -r dir; do
    [ -n "$dir" ] && rmdir -- "$PREFIX/$dir" 2>/dev/null || true
  done <<< "$DIRS"
  echo "install.sh: removed caresurvey from $PREFIX"
  exit 0
fi

if [ -f "$MANIFEST" ]; then
  echo "install.sh: caresurvey is already installed in $PREFIX; run $0 --uninstall $PREFIX first" >&2; exit 1
fi

if [ -z "$BINARY" ]; then
  echo "install.sh: building the portable binary (swift build -c release --static-swift-stdlib)…"
  swift build -c release --static-swift-stdlib --product caresurvey >&2
  BINARY="$(swift build -c release --static-swift-stdlib --show-bin-path)/caresurvey"
fi
[ -x "$BINARY" ] || { echo "install.sh: $BINARY: not an executable" >&2; exit 3; }

STAGE=$(mktemp -d)
trap 'rm -rf "$STAGE"' EXIT
mkdir -p "$STAGE/bin" "$STAGE/share/man/man1" "$STAGE/share/bash-completion/completions" \
         "$STAGE/share/zsh/site-functions" "$STAGE/share/fish/vendor_completions.d" "$STAGE/share/caresurvey"
cp "$BINARY" "$STAGE/bin/caresurvey"
# Debug symbols are a quarter of the size; the installed program does not need them.
if command -v strip >/dev/null; then strip "$STAGE/bin/caresurvey"; fi
"$STAGE/bin/caresurvey" --generate-completion-script bash > "$STAGE/share/bash-completion/completions/caresurvey"
"$STAGE/bin/caresurvey" --generate-completion-script zsh > "$STAGE/share/zsh/site-functions/_caresurvey"
"$STAGE/bin/caresurvey" --generate-completion-script fish > "$STAGE/share/fish/vendor_completions.d/caresurvey.fish"
"$REPO/scripts/make-man-pages.sh" "$STAGE/bin/caresurvey" "$STAGE/share/man/man1" >&2
gzip -9n "$STAGE"/share/man/man1/*.1

# Record the folders that do not exist yet (uninstall removes them if empty), then copy.
: > "$STAGE/share/caresurvey/install-manifest.dirs"
(cd "$STAGE" && find . -mindepth 1 -type d | sed 's|^\./||' | sort) | while read -r dir; do
  [ -d "$PREFIX/$dir" ] || printf 'dir\t%s\n' "$dir" >> "$STAGE/share/caresurvey/install-manifest.dirs"
done
(cd "$STAGE" && find . -type f ! -name 'install-manifest*' | sed 's|^\./||' | sort) | while read -r file; do
  printf 'file\t%s\n' "$file"
done > "$STAGE/share/caresurvey/install-manifest"
while IFS=$'\t' read -r kind path; do
  if [ -e "$PREFIX/$path" ]; then echo "install.sh: $PREFIX/$path exists; not overwriting it" >&2; exit 1; fi
done < "$STAGE/share/caresurvey/install-manifest"
(cd "$STAGE" && find . -type d | sed 's|^\./||') | while read -r dir; do mkdir -p "$PREFIX/$dir"; done
while IFS=$'\t' read -r kind path; do
  mode=644; [ "$path" = bin/caresurvey ] && mode=755
  install -m "$mode" "$STAGE/$path" "$PREFIX/$path"
done < "$STAGE/share/caresurvey/install-manifest"
install -m 644 "$STAGE/share/caresurvey/install-manifest" "$STAGE/share/caresurvey/install-manifest.dirs" "$PREFIX/share/caresurvey/"
echo "install.sh: installed $(wc -l < "$MANIFEST") files under $PREFIX ($(du -h "$PREFIX/bin/caresurvey" | cut -f1) binary); uninstall with: $0 --uninstall $PREFIX"
