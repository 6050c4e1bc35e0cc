#!/usr/bin/env python3
"""Times the same graph in networkx and prints the ratios to geokg's figures.

    build-rel/bench/geokg_graph_bench --tsv /tmp/edges.tsv | tee /tmp/geokg_bench.txt
    /usr/bin/python3 bench/networkx_compare.py /tmp/edges.tsv --bench-output /tmp/geokg_bench.txt

The TSV has one edge per line: subject<TAB>object. networkx gets an
undirected Graph (parallel edges merged), as `geokg path` searches by default.
It times (CPU time of this process, as geokg_graph_bench does): building the
graph from the edge list, nx.shortest_path between random pairs (median),
nx.ego_graph(radius=2) around random nodes (median).
Needs the Debian python3-networkx (run it with /usr/bin/python3).
"""

import argparse
import random
import re
import statistics
import sys
import time

import networkx as nx


def median_ms(fn, items):
    times = []
    for item in items:
        t = time.process_time()
        fn(item)
        times.append((time.process_time() - t) * 1000.0)
    return statistics.median(times)


def parse_bench(path):
    """Picks geokg's figures (ms) out of geokg_graph_bench's output."""
    wanted = {
        "build": r"^Snapshot::Build \(in memory\)\s+([\d.]+) ms",
        "from_store": r"^Snapshot::FromStore \(SQLite\)\s+([\d.]+) ms",
        "path": r"^ShortestPath hops, undirected\s+([\d.]+) ms",
        "ego": r"^Neighborhood depth 2\s+([\d.]+) ms",
    }
    found = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            for key, pattern in wanted.items():
                m = re.search(pattern, line)
                if m:
                    found[key] = float(m.group(1))
    return found


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("tsv", help="edges, subject<TAB>object per line")
    ap.add_argument("--bench-output", help="saved output of geokg_graph_bench, for the ratios")
    ap.add_argument("--queries", type=int, default=200, help="random pairs / centres (default 200)")
    ap.add_argument("--seed", type=int, default=42)
    args = ap.parse_args()

    t = time.process_time()
    with open(args.tsv, encoding="utf-8") as f:
        edges = [line.rstrip("\n").split("\t") for line in f if line.strip()]
    read_ms = (time.process_time() - t) * 1000.0

    t = time.process_time()
    g = nx.Graph()
    g.add_edges_from(edges)
    build_ms = (time.process_time() - t) * 1000.0
    print(f"networkx {nx.__version__}: {g.number_of_nodes()} nodes, {g.number_of_edges()} edges "
          f"(from {len(edges)} lines; reading the TSV {read_ms:.0f} ms)")

    rng = random.Random(args.seed)
    nodes = list(g.nodes())
    pairs = [(rng.choice(nodes), rng.choice(nodes)) for _ in range(args.queries)]

    def path(pair):
        try:
            nx.shortest_path(g, pair[0], pair[1])
        except nx.NetworkXNoPath:
            pass

    path_ms = median_ms(path, pairs)
    centres = [rng.choice(nodes) for _ in range(args.queries)]
    ego_ms = median_ms(lambda c: nx.ego_graph(g, c, radius=2), centres)

    print(f"{'graph build':32s} {build_ms:10.1f} ms")
    print(f"{'shortest_path (median)':32s} {path_ms:10.3f} ms")
    print(f"{'ego_graph radius 2 (median)':32s} {ego_ms:10.3f} ms")

    if args.bench_output:
        ours = parse_bench(args.bench_output)
        print("\nratio networkx / geokg (higher = geokg faster):")
        rows = [("graph build vs Snapshot::Build", build_ms, ours.get("build")),
                ("graph build vs Snapshot::FromStore", build_ms, ours.get("from_store")),
                ("shortest_path", path_ms, ours.get("path")),
                ("ego_graph radius 2", ego_ms, ours.get("ego"))]
        for name, theirs, mine in rows:
            if mine:
                print(f"  {name:36s} {theirs:10.3f} / {mine:8.3f} ms = {theirs / mine:8.1f}x")
            else:
                print(f"  {name:36s} (no geokg figure in {args.bench_output})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
