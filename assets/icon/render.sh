#!/usr/bin/env bash
# Renders the Candor icon from candor.svg into every size the installers and the window need.
# Needs (Debian): librsvg2-bin (rsvg-convert), imagemagick (convert), icnsutils (png2icns).
# The outputs are committed, so building the app or the installers does not need these tools;
# run this again after changing candor.svg and commit the results.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
svg="$here/candor.svg"
png="$here/png"
mkdir -p "$png"

for size in 16 32 48 64 128 256 512 1024; do
  rsvg-convert --width "$size" --height "$size" "$svg" --output "$png/candor-$size.png"
done

# Window icons loaded by the app (JavaFX picks the closest size per use).
for size in 16 32 48 64 128 256; do
  cp "$png/candor-$size.png" "$root/src/main/resources/dev/candor/ui/icon-$size.png"
done

# Linux: jpackage's menu icon; the desktop entry and AppStream metainfo point at it.
cp "$png/candor-256.png" "$root/packaging/linux/Candor.png"

# Windows: one .ico with the sizes Explorer, the taskbar and the installer use.
/usr/bin/convert "$png/candor-16.png" "$png/candor-32.png" "$png/candor-48.png" \
  "$png/candor-64.png" "$png/candor-128.png" "$png/candor-256.png" "$root/packaging/windows/Candor.ico"

# macOS: an iconset (the layout Apple's iconutil reads) and the .icns built from it here.
iconset="$root/packaging/macos/Candor.iconset"
mkdir -p "$iconset"
for size in 16 32 128 256 512; do
  cp "$png/candor-$size.png" "$iconset/icon_${size}x${size}.png"
  cp "$png/candor-$((size * 2)).png" "$iconset/icon_${size}x${size}@2x.png"
done
# png2icns (libicns) writes the classic and the retina-era types from PNGs of each size;
# on a Mac, `iconutil -c icns Candor.iconset` makes the same file.
png2icns "$root/packaging/macos/Candor.icns" \
  "$png/candor-16.png" "$png/candor-32.png" "$png/candor-128.png" \
  "$png/candor-256.png" "$png/candor-512.png" "$png/candor-1024.png" >/dev/null
