#!/bin/sh
# Compare gip-check's identity errors with gipgen's .broken files.
# usage: tests/confusion.sh DIR [CELLS]
# DIR is a gipgen corpus (NNNNNN.broken); CELLS a cells stream of its
# reports (default stdin), sources named NNNNNN or .../NNNNNN.ext.
# GIP_CHECK names the program (default: bin/gip-check beside tests/).
set -eu
[ $# -ge 1 ] || { echo "usage: $0 DIR [CELLS]" >&2; exit 2; }
dir=$1
cells=${2:--}
check=${GIP_CHECK:-$(dirname "$0")/../bin/gip-check}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cat "$cells" >"$tmp/cells"
cut -f1 "$tmp/cells" | uniq >"$tmp/sources"
set +e
"$check" -q -r t3-row,t3-bal,t3-sum7,t4-sum,missing "$tmp/cells" \
    >"$tmp/found"
[ $? -le 1 ] || exit 2
set -e
while read -r src; do
	id=${src##*/}
	id=${id%%.*}
	printf '%s\t%s\n' "$src" "$dir/$id.broken"
done <"$tmp/sources" >"$tmp/map"
awk -F'\t' '
function canon(w) {
	sub(/^(t[234]:(cell|table)-missing|t[24]:row-missing).*/, "", w)
	return w
}
FILENAME == ARGV[1] { if (canon($4) != "") found[$1] = found[$1] " " $4; next }
{
	src = $1; f = $2; want = ""; nwant = 0
	while ((getline line < f) > 0)
		if (line != "") { want = want " " line; nwant++ }
	close(f)
	got = found[src]; ngot = split(got, g, " ")
	n++
	if (nwant > 0) broken++
	if (nwant > 0 && ngot == 0) missed++
	if (nwant == 0 && ngot > 0) falsealarm++
	if (nwant > 0 && ngot > 0) caught++
	split(want, w, " "); delete inwant
	for (i in w) inwant[w[i]] = 1
	extra = 0; rowtot = 0
	for (i = 1; i <= ngot; i++) {
		if (!(g[i] in inwant)) extra++
		if (g[i] ~ /^t3:total=/) rowtot = 1
		delete inwant[g[i]]
	}
	left = 0; implied = 0
	for (k in inwant) {
		left++
		if (rowtot && k ~ /^t3:(1\+2|3\.7).*:total$/)
			implied++
	}
	if (nwant + ngot > 0 && extra == 0 && left == 0) exact++
	else if (nwant > 0 && extra == 0 && left == implied) equiv++
	if (extra > 0) spurious++
}
END {
	printf "reports\t%d\nwith .broken identities\t%d\n", n, broken
	printf "caught (error reported)\t%d\nmissed\t%d\n", caught, missed
	printf "false alarms (error, .broken empty)\t%d\n", falsealarm
	printf "exact identity match\t%d\n", exact
	printf "match but for implied total-column balances\t%d\n", equiv
	printf "reports with an identity not in .broken\t%d\n", spurious
}' "$tmp/found" "$tmp/map"
