#!/usr/bin/env bash
# Renders the start-up splash (shown by the Java launcher's -splash option before the JVM loads
# anything; Candor draws the first-start progress onto it). Needs Debian's imagemagick.
set -euo pipefail
cd "$(dirname "$0")"
convert -size 420x140 xc:'#F4F5F7' \( ../icon/png/candor-64.png \) -geometry +22+22 -composite \
  -font DejaVu-Sans-Bold -pointsize 26 -fill '#1F2328' -annotate +100+58 'Candor' \
  -font DejaVu-Sans -pointsize 13 -fill '#57606A' -annotate +100+82 'Video meetings with local, announced AI' \
  -depth 8 splash.png
