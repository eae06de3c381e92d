#!/usr/bin/env bash
# Adds (or refreshes) the Deceptron bundle of one family: bundles/<family>/ with its model files, provider class
# and META-INF/services entry, and registers it in bundles/pom.xml, itest/pom.xml, itest/itest.bndrun and
# bundles/README.md. Idempotent: run it again after retraining to copy the new model files.
#
#   bundles/add-model-bundle.sh <family-id> [models-dir]      e.g. bundles/add-model-bundle.sh heat-2d
#
# models-dir defaults to <repo>/models and must hold <family>.dmodel (and normally <family>-nojcp.dmodel).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
id="${1:?usage: $0 <family-id> [models-dir]}"
models="${2:-$root/models}"
[[ "$id" =~ ^[a-z0-9]+(-[a-z0-9]+)*$ ]] || { echo "bad family id: $id" >&2; exit 2; }
[ -f "$models/$id.dmodel" ] || { echo "no model file $models/$id.dmodel (train it first)" >&2; exit 1; }

pkg="${id//-/}"                                                    # heat-1d -> heat1d
cls="$(echo "$id" | sed -E 's/(^|-)([a-z0-9])/\U\2/g')DeceptronProvider"   # adv-diff-2d -> AdvDiff2dDeceptronProvider
dir="$root/bundles/$id"
res="src/main/resources/org/deceptron/models/$pkg"

mkdir -p "$dir/src/main/java/org/deceptron/models/$pkg" "$dir/$res" "$dir/src/main/resources/META-INF/services"

cat > "$dir/pom.xml" <<POM
<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
  <modelVersion>4.0.0</modelVersion>
  <parent>
    <groupId>org.deceptron</groupId>
    <artifactId>dipg-model-bundles</artifactId>
    <version>0.1.0-SNAPSHOT</version>
  </parent>
  <artifactId>dipg-model-$id</artifactId>
  <name>Deceptron bundle: $id</name>
</project>
POM

cat > "$dir/src/main/java/org/deceptron/models/$pkg/$cls.java" <<JAVA
package org.deceptron.models.$pkg;

import org.deceptron.dipg.model.ResourceDeceptronProvider;
import org.deceptron.dipg.spi.DeceptronProvider;
import org.osgi.service.component.annotations.Component;

/**
 * The trained Deceptron of family {@code $id}: the model file {@code $id.dmodel} of this bundle. Found by
 * Declarative Services inside OSGi and by {@link java.util.ServiceLoader} on a classpath.
 */
@Component(service = DeceptronProvider.class, property = "family.id=$id")
public final class $cls extends ResourceDeceptronProvider {

    /** Creates the provider (called by Service Component Runtime and by ServiceLoader). */
    public $cls() {
        super("$id", $cls.class, "$id.dmodel");
    }
}
JAVA

echo "org.deceptron.models.$pkg.$cls" > "$dir/src/main/resources/META-INF/services/org.deceptron.dipg.spi.DeceptronProvider"

cp "$models/$id.dmodel" "$dir/$res/"
if [ -f "$models/$id-nojcp.dmodel" ]; then
  cp "$models/$id-nojcp.dmodel" "$dir/$res/"
else
  echo "warning: no $models/$id-nojcp.dmodel (the -JCP ablation model); bundle ships the +JCP model only" >&2
fi

# bundles/pom.xml: module line
grep -q "<module>$id</module>" "$root/bundles/pom.xml" ||
  sed -i "s#^  </modules>#    <module>$id</module>\n  </modules>#" "$root/bundles/pom.xml"

# itest/pom.xml: runtime dependency (a resolver candidate and on the plain classpath)
grep -q "<artifactId>dipg-model-$id</artifactId>" "$root/itest/pom.xml" ||
  sed -i "s#^    <!-- model-bundles:end -->#    <dependency><groupId>org.deceptron</groupId><artifactId>dipg-model-$id</artifactId><version>\${project.version}</version><scope>runtime</scope></dependency>\n    <!-- model-bundles:end -->#" "$root/itest/pom.xml"

# itest/itest.bndrun: run requirement (bnd merges -runrequires.*)
grep -q "^-runrequires.$id:" "$root/itest/itest.bndrun" ||
  echo "-runrequires.$id: bnd.identity;id='org.deceptron.dipg-model-$id'" >> "$root/itest/itest.bndrun"

# bundles/README.md: table row with the training command recorded by the trainer in models/README.md
cmd="$(grep -o "\(\./\)\?dipg train[^\`|]*" "$models/README.md" 2>/dev/null | grep -E -- "(^|[ =])$id( |$)" | grep -v -- "-nojcp\|no-jcp" | head -1 | sed 's/ *$//' || true)"
[ -n "$cmd" ] || cmd="(not recorded in models/README.md)"
sha="$(sha256sum "$models/$id.dmodel" | cut -c1-12)"
size="$(du -k "$models/$id.dmodel" | cut -f1)"
row="| $id | \`dipg-model-$id\` | \`org.deceptron.models.$pkg.$cls\` | ${size} KiB, sha256 $sha | \`$cmd\` |"
if grep -q "^| $id |" "$root/bundles/README.md"; then
  awk -v id="$id" -v row="$row" 'index($0, "| " id " |") == 1 { print row; next } { print }' \
    "$root/bundles/README.md" > "$root/bundles/README.md.tmp" && mv "$root/bundles/README.md.tmp" "$root/bundles/README.md"
else
  awk -v row="$row" '/^<!-- bundles:rows -->$/ { print row } { print }' "$root/bundles/README.md" \
    > "$root/bundles/README.md.tmp" && mv "$root/bundles/README.md.tmp" "$root/bundles/README.md"
fi
echo "bundle $id: $dir ($cls, $size KiB model); now: mvn -B install -pl bundles/$id -am && mvn -B verify -pl itest"
