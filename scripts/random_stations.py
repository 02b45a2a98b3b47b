#!/usr/bin/env python3
"""Random stations for scale runs, fixed seed.

    scripts/random_stations.py N OUT.csv [--bbox W,S,E,N | --near-nodes MAP.osm.pbf] [--seed S]

--bbox: N points uniformly over a lon/lat box (default: the header extent of
heidelberg_region_roads.osm.pbf, the largest shared extract; many fall off its sparse rural
streets and are reported by `yizhan coverage` as off the network).
--near-nodes: N random nodes of an OSM file (read with `osmium cat -f opl -t node`), each moved
up to 20 m at random, so nearly every station snaps onto a street (a city-like load).
"""
import argparse
import math
import random
import subprocess

p = argparse.ArgumentParser()
p.add_argument("n", type=int)
p.add_argument("out")
p.add_argument("--bbox", default="8.5514831,49.3170658,8.8275146,49.4815091")
p.add_argument("--near-nodes")
p.add_argument("--seed", type=int, default=15)
a = p.parse_args()
rng = random.Random(a.seed)
pts = []
if a.near_nodes:
    opl = subprocess.run(["osmium", "cat", "-f", "opl", "-t", "node", a.near_nodes],
                         check=True, capture_output=True, text=True).stdout
    nodes = []
    for line in opl.splitlines():
        f = {t[0]: t[1:] for t in line.split(" ") if t}
        if "x" in f and "y" in f and f["x"] and f["y"]:
            nodes.append((float(f["x"]), float(f["y"])))
    nodes.sort()  # the file's order does not matter, only the seed
    for _ in range(a.n):
        x, y = rng.choice(nodes)
        r, t = 20 * math.sqrt(rng.random()), rng.uniform(0, 2 * math.pi)
        pts.append((x + r * math.cos(t) / (111320 * math.cos(math.radians(y))),
                    y + r * math.sin(t) / 110540))
else:
    w, s, e, n = (float(v) for v in a.bbox.split(","))
    pts = [(rng.uniform(w, e), rng.uniform(s, n)) for _ in range(a.n)]
with open(a.out, "w", encoding="utf-8") as f:
    f.write("id,name,lon,lat\n")
    for i, (x, y) in enumerate(pts):
        f.write(f"s{i + 1},station {i + 1},{x:.7f},{y:.7f}\n")
