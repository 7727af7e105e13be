#!/usr/bin/env bash
# Prints the public API of each main module as Markdown: per package, its public top-level types.
# Reads the packaged jars (run `./mvnw -B -DskipTests package` first); docs/api.md holds the output.
# A module with a module-info.class lists only the packages it exports to everyone.
set -euo pipefail
cd "$(dirname "$0")/.."
version=$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' pom.xml | head -1)
for module in lattice-backup-model lattice-backup-translate lattice-backup-reconcile \
  lattice-backup-fabric8 lattice-backup-josdk lattice-backup-junit lattice-backup-cli lattice-backup-controller; do
  jar="$module/target/$module-$version.jar"
  [ -f "$jar" ] || { echo "missing $jar: build first" >&2; exit 1; }
  exported=""
  if unzip -l "$jar" module-info.class >/dev/null 2>&1; then
    descriptor=$(mktemp -d)
    unzip -q -o "$jar" module-info.class -d "$descriptor"
    info=$(javap "$descriptor/module-info.class")
    rm -rf "$descriptor"
    # exported to everyone ("exports p;"); a qualified export ("exports p to m") is not API
    exported=$(sed -n 's/^ *exports \([^ ;]*\);/\1/p' <<<"$info" | sort)
    echo "### $module (module $(sed -n 's/^module \([^ @{]*\).*/\1/p' <<<"$info"))"
  else
    echo "### $module (automatic module, no module-info)"
  fi
  echo
  classes=$(unzip -Z1 "$jar" | grep '\.class$' | grep -v '\$' | grep -v 'module-info\|package-info' \
    | sed 's/\.class$//; s:/:.:g' | sort)
  # shellcheck disable=SC2086
  javap -public -cp "$jar" $classes 2>/dev/null \
    | sed -n 's/^public \(.* \)\{0,1\}\(class\|interface\|enum\|record\|@interface\) \([a-zA-Z0-9_.]*\).*/\3/p' \
    | while read -r type; do
      pkg=${type%.*}
      if [ -z "$exported" ] || grep -qx "$pkg" <<<"$exported"; then echo "$pkg ${type##*.}"; fi
    done | awk '{ if ($1 != last) { if (last != "") printf "\n"; printf "- `%s`: %s", $1, $2; last = $1 } else printf ", %s", $2 } END { printf "\n" }'
  echo
done
