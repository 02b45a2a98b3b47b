#!/usr/bin/env python3
"""Compares two folders written by scripts/golden_outputs.sh. Text and JSON must be byte-equal
except for run times (lines/keys naming seconds or ms) and the output folder; GDAL files are
compared byte for byte, else by `ogrinfo -al` / `gdalinfo -stats` dumps (GeoPackages carry write
times). PNG/PDF: same size in bytes within 1% (fonts, timestamps). Exit 1 on any difference."""
import filecmp
import json
import os
import re
import subprocess
import sys

TIME = re.compile(r"(\d+(\.\d+)?\s*(s|ms|seconds)\b|seconds|_s\"|_ms\"|time|elapsed|per second)", re.I)


def norm_text(text, root):
    out = []
    for line in text.replace(root, "<OUT>").splitlines():
        out.append("<time>" if TIME.search(line) else line)
    return out


def strip_times(j):
    if isinstance(j, dict):
        return {k: strip_times(v) for k, v in j.items()
                if not re.search(r"(seconds|_s$|_ms$|time|elapsed)", k)}
    if isinstance(j, list):
        return [strip_times(v) for v in j]
    return j


def dump(path):
    if path.endswith((".tif",)):
        cmd = ["gdalinfo", "-stats", "-checksum", path]
    else:
        cmd = ["ogrinfo", "-ro", "-al", "-q", path]
    r = subprocess.run(cmd, capture_output=True, text=True)
    text = r.stdout + r.stderr
    text = re.sub(r"\.aux\.xml", "", text)
    return [l for l in text.replace(os.path.dirname(path), "<DIR>").splitlines()
            if "last_change" not in l.lower() and "Files:" not in l]


def main(a, b):
    bad = []
    files_a = {os.path.relpath(os.path.join(r, f), a) for r, _, fs in os.walk(a) for f in fs}
    files_b = {os.path.relpath(os.path.join(r, f), b) for r, _, fs in os.walk(b) for f in fs}
    for f in sorted(files_a ^ files_b):
        bad.append(f"{f}: only in {'first' if f in files_a else 'second'}")
    same = exact = 0
    for f in sorted(files_a & files_b):
        pa, pb = os.path.join(a, f), os.path.join(b, f)
        if f.endswith(".aux.xml"):
            continue
        if filecmp.cmp(pa, pb, shallow=False):
            same += 1
            exact += 1
            continue
        ext = os.path.splitext(f)[1]
        if ext in (".out", ".err", ".rc", ".csv", ".geojson", ".kml", ".json", ".txt", ".cpg", ".prj"):
            ta = open(pa, encoding="utf-8", errors="replace").read()
            tb = open(pb, encoding="utf-8", errors="replace").read()
            try:
                ok = strip_times(json.loads(ta.replace(a, "<OUT>"))) == strip_times(
                    json.loads(tb.replace(b, "<OUT>")))
            except ValueError:
                ok = norm_text(ta, a) == norm_text(tb, b)
        elif ext in (".gpkg", ".tif", ".shp", ".dbf", ".shx"):
            ok = dump(pa) == dump(pb)
        elif ext in (".png", ".pdf", ".xlsx"):
            sa, sb = os.path.getsize(pa), os.path.getsize(pb)
            ok = abs(sa - sb) <= 0.01 * max(sa, sb)
        else:
            ok = False
        if ok:
            same += 1
        else:
            bad.append(f"{f}: differs")
    for line in bad:
        print("golden:", line)
    print(f"golden: {same} of {len(files_a | files_b)} files equal ({exact} byte for byte), "
          f"{len(bad)} differ")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])))
