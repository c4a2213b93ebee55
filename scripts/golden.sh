#!/usr/bin/env bash
# Records what every command prints on the embedded case (stdout, stderr, exit code) into DIR,
# so a restructuring can be checked byte for byte: scripts/golden.sh /tmp/before; …; diff -r.
set -u
out=${1:?usage: scripts/golden.sh DIR}
cd "$(dirname "$0")/.."
mkdir -p "$out"
C=cases/istanbul-2022
G=../shared/corpora/genius/anac/y2012/CarA
n=0
run() {
  n=$((n + 1))
  local name; name=$(printf '%03d' $n)
  { printf '$ parley %s\n' "$*"; } > "$out/$name.cmd"
  node bin/parley.mjs "$@" > "$out/$name.out" 2> "$out/$name.err"
  echo "exit $?" >> "$out/$name.cmd"
}
run --help
run validate $C
run validate packages/case-files/fixtures/minimal
run brief $C
run brief $C --json
for v in overview timeline actors roles rounds issues positions drafts claims sources; do
  run show $C $v; run show $C $v --json
done
run show $C roles --at 2022-03-29
run show $C positions --at 2022-03-29
run show $C positions --at 2022-03-29 --json
run show $C history --issue neutrality
run show $C history --issue troop-ceiling --json
run show $C claims --contested
run show $C claims --topic breakdown
run show $C claims --topic breakdown --json
run show $C nope
run show $C positions --at yesterday
run diff $C security-treaty@2022-03-29-communique 2022-04-12
run diff $C security-treaty@2022-04-12 2022-04-15 --all
for f in json md html; do run diff $C security-treaty@2022-04-12 2022-04-15 -f $f; done
run diff $C security-treaty@2022-03-07-ru 2022-04-15 -f json
run brackets $C security-treaty
run brackets $C security-treaty -f json
for f in akn md html; do run export $f $C security-treaty@2022-04-15; run export $f $C security-treaty@2022-04-15 --against 2022-04-12; done
run export akn $C security-treaty@2022-03-29-communique
run guarantees $C --runs 2000
run guarantees $C --runs 2000 --json
run guarantees $C --runs 2000 --markdown
run guarantees $C --runs 2000 --no-library
run guarantees $C --instrument draft-2022-04-15-ukraine --attacker ru --place crimea --runs 2000
run guarantees $C --instrument budapest-memorandum-1994 --runs 500
run guarantees $C --attacker nobody
run deals $C
run deals $C --at 2022-03-29
run deals $C --at 2022-03-29 --json
run deals $C --scenario guarantors-accept-obligations
run deals window $C
run deals window $C --json
run deals window $C --scenario guarantors-accept-obligations
run deals sensitivity $C --assumption ua.reservation.bucha --at 2022-04-02
run deals sensitivity $C --assumption ua.reservation.bucha --at 2022-04-02 --json
run deals assumptions $C
run deals assumptions $C --json
run deals adjusted-winner $C
run deals adjusted-winner $C --json
run deals genius $G/Car-A-domain.xml $G/Car-A-prof1.xml $G/Car-A-prof2.xml
run deals genius $G/Car-A-domain.xml $G/Car-A-prof1.xml $G/Car-A-prof2.xml --json
run deals $C --at yesterday
run deals genius nope.xml
rm -rf /tmp/golden-genius-export; run deals export-genius $C --out /tmp/golden-genius-export --at 2022-03-29
cat /tmp/golden-genius-export/* > "$out/genius-export.files" 2>/dev/null
run schema
run validate /nonexistent
echo "$n commands recorded in $out"
