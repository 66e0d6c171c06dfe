#!/usr/bin/env bash
# Re-create src/chronicle/api/static/vendor/ from the npm registry's releases (run by hand
# when upgrading; nothing fetches these at run time). Each tarball is checked against the
# sha256 recorded in the vendor README before anything is copied.
set -euo pipefail
cd "$(dirname "$0")/.."
DEST=src/chronicle/api/static/vendor
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

fetch() {  # fetch NAME@VERSION SHA256 -> unpacks into $WORK/NAME
  local spec=$1 sum=$2 name=${1%@*}
  (cd "$WORK" && npm pack --silent "$spec" >/dev/null)
  local tgz=$WORK/${name}-${spec#*@}.tgz
  echo "$sum  $tgz" | sha256sum -c --quiet -
  mkdir -p "$WORK/$name" && tar xzf "$tgz" -C "$WORK/$name" --strip-components=1
}

fetch d3@7.9.2 f0c1d2c2479907a6e3265370d0fd715f7aef0f561cdd2b415df385ba7df9d1aa
fetch topojson-client@3.1.0 889fadb422f6236d0f8337a236ce6499f258b75e44b81733b13bd971067322bf
fetch world-atlas@2.0.2 032e7765f2ce00edaeafec23ff22bc3b77e42987c257da944cc585b452c05b97
fetch swagger-ui-dist@5.36.0 685a2b38b5d6eab2dbc096a8596db11cc7409cdb671d2e3bec8f9b017d0d566b
fetch redoc@2.5.4 44922df4d0eb45c1b066c09ec251e6bd9bd7ded16bc69e87613337b9d911a56e

mkdir -p "$DEST"/{d3,topojson-client,world-atlas,swagger-ui,redoc}
cp "$WORK"/d3/dist/d3.min.js "$WORK"/d3/LICENSE "$DEST"/d3/
cp "$WORK"/topojson-client/dist/topojson-client.min.js "$WORK"/topojson-client/LICENSE "$DEST"/topojson-client/
cp "$WORK"/world-atlas/countries-50m.json "$WORK"/world-atlas/LICENSE "$DEST"/world-atlas/
cp "$WORK"/swagger-ui-dist/{swagger-ui-bundle.js,swagger-ui-bundle.js.LICENSE.txt,swagger-ui.css,LICENSE,NOTICE} "$DEST"/swagger-ui/
cp "$WORK"/redoc/bundles/{redoc.standalone.js,redoc.standalone.js.LICENSE.txt} "$WORK"/redoc/LICENSE "$DEST"/redoc/
echo "vendored into $DEST"
