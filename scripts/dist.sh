#!/usr/bin/env bash
# Builds Coder's release artefacts in dist/, each with a .sha256 beside it:
#   coder-VERSION-linux-amd64.tar.xz   fyne package: binary, .desktop file, icon
#   coder_DEBVERSION_amd64.deb         /usr/bin/coder, menu entry, icon, .coder MIME type
#   coder-VERSION-windows-amd64.zip    coder.exe (icon + version resources) and README.txt
# Needs gcc, the X11/GL headers (scripts/deps.sh build), dpkg-deb, zip and, for
# Windows, Debian's gcc-mingw-w64-x86-64. Slow (the GLFW C code is compiled for
# each target): `make dist` runs it; CI does not. Skip Windows with DIST_WINDOWS=0.
set -euo pipefail
cd "$(dirname "$0")/.."

VERSION=${VERSION:-$(git describe --tags --always --dirty 2>/dev/null || echo dev)}
COMMIT=${COMMIT:-$(git rev-parse --short HEAD 2>/dev/null || echo unknown)}
LDFLAGS="-X main.version=$VERSION -X main.commit=$COMMIT"
FYNE="go run fyne.io/tools/cmd/fyne@v1.7.4"
WINRES="go run github.com/tc-hib/go-winres@v0.3.3"
OUT=dist
WORK=$OUT/work
rm -rf "$WORK" && mkdir -p "$WORK"

# Debian and Windows want numeric versions: the base comes from FyneApp.toml,
# a tag (v1.2.3) overrides it, and an untagged build carries the commit.
BASE=$(sed -n 's/^ *Version *= *"\(.*\)"/\1/p' cmd/coder/FyneApp.toml)
if [[ $VERSION =~ ^v([0-9]+\.[0-9]+\.[0-9]+)(.*)$ ]]; then
  BASE=${BASH_REMATCH[1]}
  DEBVER=$BASE$(echo "${BASH_REMATCH[2]}" | tr -- '-' '+')
else
  DEBVER=$BASE+git$(echo "$VERSION" | tr -- '-' '+')
fi

sum() { (cd "$(dirname "$1")" && sha256sum "$(basename "$1")" > "$(basename "$1").sha256"); }

linux() {
  echo "== linux amd64 ($VERSION)"
  go build -ldflags "$LDFLAGS" -o "$WORK/coder" ./cmd/coder
  # fyne package: tarball with usr/local/{bin,share/applications,share/pixmaps} and a Makefile.
  # fyne package rewrites FyneApp.toml (bumps Build, drops its layout): keep ours.
  cp cmd/coder/FyneApp.toml "$WORK/FyneApp.toml"
  (cd cmd/coder && $FYNE package -os linux -exe ../../$WORK/coder -icon ../../assets/icon.png -release)
  cp "$WORK/FyneApp.toml" cmd/coder/FyneApp.toml
  local tar=$OUT/coder-$VERSION-linux-amd64.tar.xz
  mv cmd/coder/Coder.tar.xz "$tar"
  sum "$tar"

  # .deb: the same binary under /usr, registered in the menu and for .coder files.
  local root=$WORK/deb
  install -Dm755 "$WORK/coder" "$root/usr/bin/coder"
  install -Dm644 assets/icon.png "$root/usr/share/icons/hicolor/512x512/apps/coder.png"
  install -Dm644 /dev/stdin "$root/usr/share/applications/coder.desktop" <<DESKTOP
[Desktop Entry]
Type=Application
Name=Coder
GenericName=Qualitative data analysis
Comment=Code, retrieve and search the material of a case study
Exec=coder %f
Icon=coder
Terminal=false
Categories=Office;
StartupWMClass=Coder
Keywords=qualitative;coding;QDA;interviews;case study;
MimeType=application/x-coder-project;
DESKTOP
  install -Dm644 /dev/stdin "$root/usr/share/mime/packages/coder.xml" <<MIME
<?xml version="1.0" encoding="UTF-8"?>
<mime-info xmlns="http://www.freedesktop.org/standards/shared-mime-info">
  <mime-type type="application/x-coder-project">
    <comment>Coder project</comment>
    <glob pattern="*.coder"/>
    <icon name="coder"/>
  </mime-type>
</mime-info>
MIME
  # Depends: the shared libraries the binary links (libc, libGL, libX11), mapped
  # to packages, plus the X11 libraries GLFW dlopens at start (not in NEEDED).
  local depends
  depends="$(deb_depends "$root/usr/bin/coder"), libx11-xcb1, libxcursor1, libxrandr2, libxinerama1, libxi6, libxxf86vm1, libxrender1"
  mkdir -p "$root/DEBIAN"
  cat > "$root/DEBIAN/control" <<CONTROL
Package: coder
Version: $DEBVER
Architecture: amd64
Maintainer: Coder <coder@example.org>
Installed-Size: $(du -sk "$root/usr" | cut -f1)
Depends: $depends
Recommends: fonts-noto-cjk
Section: science
Priority: optional
Homepage: https://example.org/coder
Description: qualitative coding for case-study research
 Import interviews, documents and field notes, code passages, retrieve and
 search them, write memos and export to REFI-QDA (.qdpx). Commit $COMMIT.
CONTROL
  local deb=$OUT/coder_${DEBVER}_amd64.deb
  dpkg-deb --root-owner-group --build "$root" "$deb" >/dev/null
  sum "$deb"
}

# deb_depends prints a Depends line for the ELF binary $1: dpkg-shlibdeps when it
# works here, else each NEEDED library's package as dpkg -S names it.
deb_depends() {
  local tmp out
  tmp=$(mktemp -d)
  mkdir -p "$tmp/debian"
  printf 'Source: coder\n\nPackage: coder\nArchitecture: amd64\n' > "$tmp/debian/control"
  if out=$(cd "$tmp" && dpkg-shlibdeps -O "$OLDPWD/$1" 2>/dev/null); then
    rm -rf "$tmp"
    echo "${out#shlibs:Depends=}"
    return
  fi
  rm -rf "$tmp"
  objdump -p "$1" | awk '/NEEDED/ {print $2}' | while read -r lib; do
    dpkg -S "*/$lib" 2>/dev/null | head -1 | cut -d: -f1
  done | sort -u | paste -sd, | sed 's/,/, /g'
}

windows() {
  echo "== windows amd64 ($VERSION)"
  command -v x86_64-w64-mingw32-gcc >/dev/null ||
    { echo "dist: x86_64-w64-mingw32-gcc missing: apt-get install gcc-mingw-w64-x86-64" >&2; exit 1; }
  # Icon, manifest and version resources, linked in as a .syso for this build only.
  local winver=$BASE.0 syso=cmd/coder/rsrc_windows_amd64.syso
  trap 'rm -f cmd/coder/rsrc_windows_*.syso' EXIT
  $WINRES simply --arch amd64 --out cmd/coder/rsrc --icon assets/icon.png --manifest gui \
    --product-name Coder --file-description "Coder: qualitative coding" \
    --original-filename coder.exe --file-version "$winver" --product-version "$VERSION"
  test -f "$syso"
  local dir=$WORK/coder-$VERSION-windows-amd64
  mkdir -p "$dir"
  CGO_ENABLED=1 CC=x86_64-w64-mingw32-gcc GOOS=windows GOARCH=amd64 \
    go build -ldflags "$LDFLAGS" -o "$dir/coder.exe" ./cmd/coder
  rm -f "$syso"
  sed "s/@VERSION@/$VERSION/; s/@COMMIT@/$COMMIT/" scripts/dist-windows-readme.txt | sed 's/$/\r/' > "$dir/README.txt"
  local zip=$OUT/coder-$VERSION-windows-amd64.zip
  rm -f "$zip"
  (cd "$WORK" && zip -qr9 "../$(basename "$zip")" "$(basename "$dir")")
  sum "$zip"
}

linux
[[ ${DIST_WINDOWS:-1} == 0 ]] || windows
rm -rf "$WORK"
ls -l "$OUT"
