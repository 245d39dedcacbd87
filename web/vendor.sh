#!/usr/bin/env bash
# Rebuild the dashboard's vendored front-end files (src/rasd/api/static/vendor/) from npm.
# Run only to upgrade them; installs and tests never need npm or the network.
set -euo pipefail
PACKAGES=(leaflet@1.9.4 leaflet.markercluster@1.5.3 topojson-client@3.1.0 world-atlas@2.0.2 swagger-ui-dist@5.35.0)
HERE="$(cd "$(dirname "$0")" && pwd)"
DEST="$HERE/../src/rasd/api/static/vendor"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
(cd "$TMP" && npm init -y >/dev/null && npm install --no-audit --no-fund --ignore-scripts "${PACKAGES[@]}" >/dev/null)
M="$TMP/node_modules"
mkdir -p "$DEST"
cp "$M/leaflet/dist/leaflet.js" "$M/leaflet/dist/leaflet.css" "$DEST/"
cp "$M/leaflet/LICENSE" "$DEST/LICENSE-leaflet.txt"
cp "$M/leaflet.markercluster/dist/leaflet.markercluster.js" \
   "$M/leaflet.markercluster/dist/MarkerCluster.css" \
   "$M/leaflet.markercluster/dist/MarkerCluster.Default.css" "$DEST/"
cp "$M/leaflet.markercluster/MIT-LICENCE.txt" "$DEST/LICENSE-leaflet.markercluster.txt"
cp "$M/topojson-client/dist/topojson-client.min.js" "$DEST/"
cp "$M/topojson-client/LICENSE" "$DEST/LICENSE-topojson-client.txt"
# 1:50m Natural Earth countries (756 kB): enough detail for towns at zoom 8, small enough to ship.
cp "$M/world-atlas/countries-50m.json" "$DEST/"
cp "$M/world-atlas/LICENSE" "$DEST/LICENSE-world-atlas.txt"
# Swagger UI for /docs, so the API docs work offline too.
cp "$M/swagger-ui-dist/swagger-ui-bundle.js" "$M/swagger-ui-dist/swagger-ui.css" "$DEST/"
cp "$M/swagger-ui-dist/LICENSE" "$DEST/LICENSE-swagger-ui.txt"
echo "vendored ${PACKAGES[*]} into $DEST"
