#!/usr/bin/env bash
# Makes the two faces shipped in assets/fonts from Debian's fonts-noto-cjk (SIL OFL 1.1):
#  - the body face: Noto Serif CJK SC with every character of GBK (as GBK and GB18030
#    decode it, plus U+9FB4–9FBB which GB18030-2022 gives to codes Python still maps to
#    private use), ASCII, Latin-1, general and CJK punctuation and full-width forms, without
#    hinting or vertical-layout tables (a PDF is set horizontally) — about 7 MB;
#  - the title face: Noto Serif CJK SC Bold with only the characters of the templates'
#    titles (assets/templates/*.json "title", "title_*") — a room's own falls back to the body.
# Needs: apt install fonts-noto-cjk; pip install fonttools. Run from the repository root.
set -euo pipefail
SRC=/usr/share/fonts/opentype/noto
OUT=assets/fonts
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

python3 - "$tmp/gbk.txt" <<'PY'
import sys
chars = set()
for lead in range(0x81, 0xFF):
    for trail in range(0x40, 0xFF):
        if trail == 0x7F:
            continue
        for codec in ("gbk", "gb18030"):
            try:
                chars.add(bytes([lead, trail]).decode(codec))
            except UnicodeDecodeError:
                pass
open(sys.argv[1], "w", encoding="utf-8").write("".join(sorted(chars)))
PY

python3 - "$tmp/titles.txt" assets/templates/*.json <<'PY'
import json, sys
chars = set("0123456789（）")
for path in sys.argv[2:]:
    # "title" and its variants ("title_oral": the 口头协议登记表 of an oral agreement).
    for key, text in json.load(open(path, encoding="utf-8")).items():
        if key == "title" or key.startswith("title_"):
            chars |= set(text)
open(sys.argv[1], "w", encoding="utf-8").write("".join(sorted(chars)))
PY

common=(--font-number=2 --layout-features= --no-hinting --name-IDs='*'
        --drop-tables+=GSUB,GPOS,vhea,vmtx,VORG,BASE,DSIG)
pyftsubset "$SRC/NotoSerifCJK-Regular.ttc" "${common[@]}" \
  --text-file="$tmp/gbk.txt" \
  --unicodes="U+0020-007E,U+00A0-00FF,U+2000-206F,U+2160-216B,U+2460-2473,U+25A0-25FF,U+3000-303F,U+9FB4-9FBB,U+FF00-FFEF" \
  --output-file="$OUT/NotoSerifCJKsc-Regular-GBK.otf"
pyftsubset "$SRC/NotoSerifCJK-Bold.ttc" "${common[@]}" \
  --text-file="$tmp/titles.txt" --unicodes="U+0020-007E" \
  --output-file="$OUT/NotoSerifCJKsc-Bold-titles.otf"
ls -l "$OUT"/*.otf
