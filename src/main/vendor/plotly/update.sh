#!/bin/sh
# Replaces the vendored Plotly bundles by those of another plotly.js release, e.g.
#   sh src/main/vendor/plotly/update.sh 3.7.0
# then set plotly.version in pom.xml and Assets.PLOTLY to the same version, and commit.
# npm checks each package tarball against the registry's sha512 integrity before unpacking it.
set -eu
version=${1:?usage: update.sh VERSION}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
npm pack --silent "plotly.js-cartesian-dist-min@$version" "plotly.js-gl3d-dist-min@$version" > /dev/null
for bundle in cartesian gl3d; do
    mkdir "$bundle"
    tar xzf "plotly.js-$bundle-dist-min-$version.tgz" -C "$bundle"
    cp "$bundle/package/plotly-$bundle.min.js" "$here/"
done
cp cartesian/package/LICENSE "$here/LICENSE"
echo "$version" > "$here/VERSION"
cd "$here"
sha256sum plotly-cartesian.min.js plotly-gl3d.min.js > SHA256SUMS
cat SHA256SUMS
