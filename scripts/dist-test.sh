#!/usr/bin/env bash
# Checks what `make dist` built, as the people who download it meet it:
#   - every artefact matches the .sha256 beside it;
#   - the Windows zip holds one folder with coder.exe (a 64-bit Windows
#     console program carrying its icon, manifest and version resources,
#     the version being this build's) and a README.txt with Windows line ends;
#   - the Linux tarball has fyne package's layout;
#   - the .deb's Depends names the package of every library the binary
#     links (objdump -p) and of the X11 libraries GLFW loads at run time;
#   - as root: the .deb installs (dpkg -i), lists its files (dpkg -L), its
#     .desktop file validates, its icon is a 512x512 PNG, the .coder MIME
#     type is registered, /usr/bin/coder --version prints this build's
#     version, and it removes cleanly (dpkg -r).
#
#   scripts/dist-test.sh        (make dist-test; builds with scripts/dist.sh first when dist/ lacks this version)
#
# Skips, saying why, without dpkg-deb. Not part of `make test`: dist is slow.
set -euo pipefail
cd "$(dirname "$0")/.."
say() { echo "dist-test: $*"; }
skip() { say "skipped: $*"; exit 0; }
fail() { say "FAIL: $*"; exit 1; }

command -v dpkg-deb >/dev/null || skip "dpkg-deb is not installed (this checks Debian packages)"
VERSION=${VERSION:-$(git describe --tags --always --dirty 2>/dev/null || echo dev)}
COMMIT=${COMMIT:-$(git rev-parse --short HEAD 2>/dev/null || echo unknown)}
zip=dist/coder-$VERSION-windows-amd64.zip
tar=dist/coder-$VERSION-linux-amd64.tar.xz
deb=$(ls -t dist/coder_*_amd64.deb 2>/dev/null | head -1 || true)
if [ ! -f "$zip" ] || [ ! -f "$tar" ] || [ -z "$deb" ] || ! dpkg-deb -f "$deb" Description | grep -q "Commit $COMMIT\."; then
  say "dist/ has no artefacts of $VERSION: running scripts/dist.sh"
  VERSION=$VERSION COMMIT=$COMMIT scripts/dist.sh
  deb=$(ls -t dist/coder_*_amd64.deb | head -1)
fi
work=$(mktemp -d)
installed=
cleanup() {
  if [ -n "$installed" ]; then dpkg -r coder >/dev/null 2>&1 || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

for f in "$zip" "$tar" "$deb"; do
  (cd dist && sha256sum --quiet -c "$(basename "$f").sha256") || fail "$f does not match its checksum"
done
say "ok: checksums of $(basename "$zip"), $(basename "$tar"), $(basename "$deb")"

# Windows.
folder=coder-$VERSION-windows-amd64
unzip -q "$zip" -d "$work/win"
[ "$(ls "$work/win")" = "$folder" ] || fail "$zip does not hold one folder $folder"
exe=$work/win/$folder/coder.exe
[ -f "$exe" ] || fail "$zip has no $folder/coder.exe"
[ -f "$work/win/$folder/README.txt" ] || fail "$zip has no README.txt"
grep -q $'\r$' "$work/win/$folder/README.txt" || fail "README.txt has Unix line ends (Notepad shows one line)"
grep -q "$VERSION" "$work/win/$folder/README.txt" || fail "README.txt does not name version $VERSION"
if command -v x86_64-w64-mingw32-objdump >/dev/null; then
  pe=$(x86_64-w64-mingw32-objdump -p "$exe")
  grep -q '^Magic.*PE32+' <<<"$pe" || fail "coder.exe is not a 64-bit Windows program"
  grep -q 'Subsystem.*Windows CUI' <<<"$pe" || fail "coder.exe is not a console program (the CLI would print nothing)"
  # Top-level resource types: 0x0e group icon, 0x10 version, 0x18 manifest.
  for type in 00000e:icon 000010:version 000018:manifest; do
    grep -Eq "^[0-9a-f]{3}   Entry: ID: 0x${type%:*}," <<<"$pe" || fail "coder.exe carries no ${type#*:} resource"
  done
  strings -el "$exe" | grep -A1 -x ProductVersion | grep -qx "$VERSION" || fail "coder.exe's version resource is not $VERSION"
  say "ok: $folder/coder.exe is a 64-bit console program with icon, manifest and version $VERSION resources; README.txt beside it"
else
  say "x86_64-w64-mingw32-objdump missing: coder.exe's resources not checked (apt-get install binutils-mingw-w64-x86-64)"
fi

# Linux tarball (fyne package layout, installed with its Makefile).
list=$(tar -tJf "$tar")
for f in usr/local/bin/coder usr/local/share/applications/ usr/local/share/pixmaps/ Makefile; do
  grep -q "$f" <<<"$list" || fail "$tar has no $f"
done
say "ok: $(basename "$tar") holds the binary, .desktop file, icon and Makefile"

# The .deb: Depends against what the binary links and loads.
dpkg-deb -x "$deb" "$work/deb"
bin=$work/deb/usr/bin/coder
depends=$(dpkg-deb -f "$deb" Depends)
needs=$(objdump -p "$bin" | awk '/NEEDED/ {print $2}')
loads=$(strings "$bin" | grep -Ex 'lib(X11-xcb|Xcursor|Xrandr|Xinerama|Xi|Xxf86vm|Xrender|Xext)\.so\.[0-9]+' | sort -u)
for lib in $needs $loads; do
  path=$(ldconfig -p | awk -v l="$lib" '$1 == l && /x86-64/ {print $NF; exit}')
  [ -n "$path" ] || fail "$lib, which coder needs, is not on this machine to map to a package"
  pkg=$(dpkg -S "$(realpath "$path")" 2>/dev/null | head -1 | cut -d: -f1) ||
    pkg=$(dpkg -S "$path" 2>/dev/null | head -1 | cut -d: -f1)
  [ -n "$pkg" ] || fail "no package owns $path ($lib)"
  grep -Eq "(^|, )$pkg( |,|$)" <<<"$depends" || fail "Depends lacks $pkg, which has $lib (Depends: $depends)"
done
say "ok: Depends ($depends) covers $(echo $needs $loads | wc -w) libraries coder links or loads"

if [ "$(id -u)" != 0 ]; then
  skip "not root: the .deb was not installed (run as root to dpkg -i it)"
fi
if dpkg -s coder >/dev/null 2>&1; then
  skip "a coder package is already installed here; not touching it"
fi
dpkg -i "$deb" >"$work/dpkg-i.log" 2>&1 || { cat "$work/dpkg-i.log"; fail "dpkg -i $deb failed"; }
installed=1
files=$(dpkg -L coder)
for f in /usr/bin/coder /usr/share/applications/coder.desktop /usr/share/icons/hicolor/512x512/apps/coder.png /usr/share/mime/packages/coder.xml; do
  grep -qx "$f" <<<"$files" || fail "dpkg -L coder does not list $f"
done
if command -v desktop-file-validate >/dev/null; then
  # Hints count too: one says when a menu would list Coder twice.
  out=$(desktop-file-validate /usr/share/applications/coder.desktop 2>&1) && [ -z "$out" ] ||
    { printf '%s\n' "$out"; fail "coder.desktop does not validate cleanly"; }
  say "ok: coder.desktop validates"
else
  say "desktop-file-validate missing: coder.desktop not validated (apt-get install desktop-file-utils)"
fi
grep -qx 'Exec=coder %f' /usr/share/applications/coder.desktop || fail "coder.desktop does not open the file it is given"
file /usr/share/icons/hicolor/512x512/apps/coder.png | grep -q 'PNG image data, 512 x 512' ||
  fail "the icon is not a 512x512 PNG: $(file /usr/share/icons/hicolor/512x512/apps/coder.png)"
if command -v update-mime-database >/dev/null; then
  [ -f /usr/share/mime/application/x-coder-project.xml ] || fail "the .coder MIME type was not registered"
  say "ok: .coder files are application/x-coder-project"
fi
got=$(/usr/bin/coder --version)
[ "$got" = "coder $VERSION (commit $COMMIT)" ] || fail "/usr/bin/coder --version prints \"$got\", want \"coder $VERSION (commit $COMMIT)\""
say "ok: installed; $got"
dpkg -r coder >"$work/dpkg-r.log" 2>&1 || { cat "$work/dpkg-r.log"; fail "dpkg -r coder failed"; }
installed=
[ ! -e /usr/bin/coder ] && [ ! -e /usr/share/applications/coder.desktop ] || fail "dpkg -r left files behind"
say "ok: removed cleanly"
say PASS
