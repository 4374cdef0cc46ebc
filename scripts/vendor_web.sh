#!/usr/bin/env bash
# Refresh the browser files `saraban web` serves itself (it runs offline: no CDN).
# Fetches the packages from the npm registry with `npm pack` and copies their minified builds
# and licences into web/static/. Run by hand when upgrading; the results are committed.
set -euo pipefail
cd "$(dirname "$0")/.."
VEGA=5.33.1 VEGA_LITE=5.23.0 VEGA_EMBED=6.29.0 SARABUN=5.3.0   # vega-lite 5 ↔ altair 5 (Vega-Lite v5 specs)
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "vega@$VEGA" "vega-lite@$VEGA_LITE" "vega-embed@$VEGA_EMBED" \
   "@fontsource/sarabun@$SARABUN" >/dev/null && for t in *.tgz; do mkdir "${t%.tgz}"; tar xzf "$t" -C "${t%.tgz}"; done)
vendor=web/static/vendor fonts=web/static/fonts
cp "$work/vega-$VEGA/package/build/vega.min.js" "$vendor/"
cp "$work/vega-lite-$VEGA_LITE/package/build/vega-lite.min.js" "$vendor/"
cp "$work/vega-embed-$VEGA_EMBED/package/build/vega-embed.min.js" "$vendor/"
cp "$work/vega-lite-$VEGA_LITE/package/LICENSE" "$vendor/LICENSE-vega-lite.txt"
cp "$work/vega-embed-$VEGA_EMBED/package/LICENSE" "$vendor/LICENSE-vega-embed.txt"
# vega's npm package ships no LICENSE file; its package.json says BSD-3-Clause, same text as vega-lite's.
sed 's/^Copyright.*/Copyright (c) 2015-2023, University of Washington Interactive Data Lab/' \
  "$vendor/LICENSE-vega-lite.txt" > "$vendor/LICENSE-vega.txt"
for face in thai-400 thai-700 latin-400 latin-700; do
  cp "$work/fontsource-sarabun-$SARABUN/package/files/sarabun-$face-normal.woff2" "$fonts/"
done
cp "$work/fontsource-sarabun-$SARABUN/package/LICENSE" "$fonts/LICENSE-Sarabun-OFL.txt"
printf 'vega %s\nvega-lite %s\nvega-embed %s\n@fontsource/sarabun %s\n' \
  "$VEGA" "$VEGA_LITE" "$VEGA_EMBED" "$SARABUN" > web/static/VERSIONS.txt
