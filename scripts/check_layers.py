#!/usr/bin/env python3
"""Checks the engine's layer order: a file under src/engine/LAYER/ includes only "engine/X/..."
headers with X at or below LAYER. Prints one line per back-edge (file:line: LAYER -> X) and exits 1
if there is any. Usage: check_layers.py [ENGINE_DIR] (default: src/engine next to this script); --self-test runs
the checker on made-up folders first (one clean, one with a back-edge) and fails if it misses the
back-edge or reports a clean one. CTest runs `check_layers.py --self-test` (test `layer_order`)."""
import os
import re
import sys
import tempfile

# Lowest first; must match src/engine/CMakeLists.txt.
LAYERS = ["util", "geo", "map", "network", "inputs", "coverage", "siting", "export", "session"]
INCLUDE = re.compile(r'^\s*#\s*include\s*[<"]engine/([A-Za-z0-9_]+)/')


def back_edges(engine_dir):
    found = []
    for root, _, files in os.walk(engine_dir):
        for name in sorted(files):
            if not name.endswith((".hpp", ".cpp", ".h", ".inl")):
                continue
            path = os.path.join(root, name)
            layer = os.path.relpath(path, engine_dir).split(os.sep)[0]
            if layer not in LAYERS:
                found.append(f"{path}:0: folder '{layer}' is not a known layer")
                continue
            with open(path, encoding="utf-8", errors="replace") as f:
                for number, line in enumerate(f, 1):
                    m = INCLUDE.match(line)
                    if not m:
                        continue
                    target = m.group(1)
                    if target not in LAYERS:
                        found.append(f"{path}:{number}: includes unknown layer '{target}'")
                    elif LAYERS.index(target) > LAYERS.index(layer):
                        found.append(f"{path}:{number}: {layer} -> {target} (back-edge)")
    return sorted(found)


def self_test():
    """The checker on a made-up engine: a map header including network must be reported (with its
    line), the same header including geo and util must not."""
    with tempfile.TemporaryDirectory() as tmp:
        os.makedirs(os.path.join(tmp, "map"))
        os.makedirs(os.path.join(tmp, "network"))
        bad = os.path.join(tmp, "map", "made_up.hpp")
        with open(bad, "w") as f:
            f.write('#pragma once\n#include "engine/geo/vec2.hpp"\n#include "engine/network/snap.hpp"\n')
        with open(os.path.join(tmp, "network", "fine.cpp"), "w") as f:
            f.write('#include "engine/map/made_up.hpp"\n#include "engine/util/error.hpp"\n')
        found = back_edges(tmp)
        if len(found) != 1 or not found[0].startswith(bad + ":3: map -> network"):
            print(f"check_layers self-test: expected one back-edge at {bad}:3, got {found}")
            return False
        with open(bad, "w") as f:
            f.write('#pragma once\n#include "engine/geo/vec2.hpp"\n  #  include <engine/util/error.hpp>\n')
        if back_edges(tmp):
            print(f"check_layers self-test: clean folders reported: {back_edges(tmp)}")
            return False
        with open(bad, "w") as f:
            f.write('# include <engine/session/session.hpp>\n')
        if len(back_edges(tmp)) != 1:
            print("check_layers self-test: '# include <engine/session/...>' not reported")
            return False
    return True


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    args = sys.argv[1:]
    if args and args[0] == "--self-test":
        if not self_test():
            return 1
        args = args[1:]
    engine_dir = args[0] if args else os.path.join(here, "..", "src", "engine")
    found = back_edges(engine_dir)
    for line in found:
        print(line)
    if found:
        print(f"check_layers: {len(found)} back-edge(s); order (lowest first): {' <- '.join(LAYERS)}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
