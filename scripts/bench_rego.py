"""Palisade vs regopy (rego-cpp) Rego benchmarks; run through `scripts/bench rego`."""
import argparse
import glob
import json
import math
import os
import subprocess
import sys
import tempfile
import time

import regopy
import yaml


def load_all(path):
    with open(path) as f:
        return [d for d in yaml.safe_load_all(f) if d is not None]


def gvk(obj):
    api = obj.get("apiVersion", "")
    group, _, version = api.rpartition("/")
    return {"group": group, "version": version, "kind": obj.get("kind", "")}


def review_input(doc, parameters):
    """The input Gatekeeper gives a template for one sample object."""
    if doc.get("kind") == "AdmissionReview":
        req = dict(doc.get("request") or {})
        subject = req.get("object") or req.get("oldObject") or {}
        req.setdefault("kind", gvk(subject))
        req.setdefault("name", subject.get("metadata", {}).get("name", ""))
        req.setdefault("namespace", subject.get("metadata", {}).get("namespace", ""))
        review = req
    else:
        meta = doc.get("metadata", {})
        review = {"kind": gvk(doc), "name": meta.get("name", ""), "namespace": meta.get("namespace", ""),
                  "operation": "CREATE", "object": doc}
    return {"review": review, "parameters": parameters or {}}


def gatekeeper_workloads(library, out):
    """One workload per library policy: its template Rego + libs and every sample as input."""
    workloads = []
    for template_path in sorted(glob.glob(os.path.join(library, "*", "*", "template.yaml"))):
        policy_dir = os.path.dirname(template_path)
        name = os.path.basename(policy_dir)
        template = load_all(template_path)[0]
        target = template["spec"]["targets"][0]
        rego, libs = target.get("rego"), target.get("libs", [])
        for entry in target.get("code", []) or []:
            if rego is None and entry.get("engine") == "Rego":
                rego, libs = entry["source"]["rego"], entry["source"].get("libs", [])
        if not rego:
            continue
        package = next(l.split()[1] for l in rego.splitlines() if l.startswith("package "))
        work = os.path.join(out, "gk-" + name)
        os.makedirs(work)
        modules = [rego] + list(libs)
        for i, text in enumerate(modules):
            with open(os.path.join(work, f"m{i}.rego"), "w") as f:
                f.write(text)
        inputs = []
        for constraint_path in sorted(glob.glob(os.path.join(policy_dir, "samples", "*", "constraint.yaml"))):
            params = (load_all(constraint_path)[0].get("spec") or {}).get("parameters")
            for sample in sorted(glob.glob(os.path.join(os.path.dirname(constraint_path), "*.yaml"))):
                if sample.endswith("constraint.yaml") or "inventory" in os.path.basename(sample):
                    continue
                docs = load_all(sample)
                if len(docs) != 1:
                    continue
                path = os.path.join(out, "gk-" + name + f"-in{len(inputs)}.json")
                with open(path, "w") as f:
                    json.dump(review_input(docs[0], params), f)
                inputs.append(path)
        if inputs:
            workloads.append({"name": "gatekeeper/" + name, "dir": work, "modules": modules, "inputs": inputs,
                              "query": f"data.{package}.violation", "v0": True, "data": None})
    return workloads


DATA_HEAVY = """package inventory

import rego.v1

pods_by_namespace[ns] := pods if {
	some ns in data.namespaces
	pods := [p.name | some p in data.pods; p.namespace == ns]
}

privileged contains p.name if {
	some p in data.pods
	some c in p.containers
	c.privileged
}

images := {c.image | some p in data.pods; some c in p.containers}

team_counts[team] := n if {
	some team in {p.labels.team | some p in data.pods}
	n := count([1 | some p in data.pods; p.labels.team == team])
}

all_limited if {
	every p in data.pods {
		every c in p.containers {
			c.memory_limit > 0
		}
	}
}

report := {
	"privileged": count(privileged),
	"images": count(images),
	"teams": team_counts,
	"namespaces": count(pods_by_namespace),
	"all_limited": all_limited,
	"input_pod_privileged": input.name in privileged,
}
"""


def data_heavy_workload(out):
    pods = []
    for i in range(10_000):
        pods.append({
            "name": f"pod-{i}", "namespace": f"ns-{i % 50}", "labels": {"team": f"team-{i % 17}"},
            "containers": [{"image": f"registry.example.com/app-{i % 300}:{i % 7}", "privileged": i % 97 == 0,
                            "memory_limit": 64 + i % 5}],
        })
    data = {"pods": pods, "namespaces": [f"ns-{i}" for i in range(50)]}
    work = os.path.join(out, "data-heavy")
    os.makedirs(work)
    with open(os.path.join(work, "policy.rego"), "w") as f:
        f.write(DATA_HEAVY)
    with open(os.path.join(work, "data.json"), "w") as f:
        json.dump(data, f)
    input_path = os.path.join(out, "data-heavy-input.json")
    with open(input_path, "w") as f:
        json.dump({"name": "pod-97"}, f)
    return {"name": "data-heavy (10,000 objects)", "dir": work, "modules": [DATA_HEAVY], "inputs": [input_path],
            "query": "data.inventory.report", "v0": False, "data": data}


def palisade_rate(palisade, w, seconds):
    cmd = [palisade, "policy", "bench", "-d", w["dir"], "--seconds", str(seconds), w["query"]]
    for i in w["inputs"]:
        cmd += ["-i", i]
    if w["v0"]:
        cmd.append("--v0-compatible")
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        return None, proc.stderr.strip().splitlines()[-1:] or ["failed"]
    return json.loads(proc.stdout)["per_second"], None


def regopy_rate(w, seconds):
    """rego-cpp with its fastest reuse path: the query compiled once into a bundle."""
    try:
        rego = regopy.Interpreter()
        for i, text in enumerate(w["modules"]):
            rego.add_module(f"m{i}", text)
        if w["data"] is not None:
            rego.add_data(w["data"])
        bundle = rego.build(w["query"])
        inputs = []
        for path in w["inputs"]:
            with open(path) as f:
                inputs.append(json.load(f))
        for value in inputs:
            rego.set_input(value)
            if not rego.query_bundle(bundle).ok():
                return None, ["rego-cpp reported an error"]
        n, start = 0, time.perf_counter()
        while True:
            for value in inputs:
                rego.set_input(value)
                rego.query_bundle(bundle)
            n += len(inputs)
            elapsed = time.perf_counter() - start
            if elapsed >= seconds:
                return n / elapsed, None
    except Exception as e:  # a policy rego-cpp cannot run
        return None, [type(e).__name__ + ": " + str(e).splitlines()[0][:120] if str(e) else type(e).__name__]


ONE_SHOT_PY = """
import json, sys, regopy
rego = regopy.Interpreter()
for path in sys.argv[3:]:
    rego.add_module(path, open(path).read())
rego.set_input(json.load(open(sys.argv[1])))
print(rego.query(sys.argv[2]))
"""


def one_shot(palisade, repo, runs):
    policies = sorted(glob.glob(os.path.join(repo, "examples", "policies", "*.rego")))
    policies = [p for p in policies if not p.endswith("_test.rego")]
    input_path = os.path.join(repo, "examples", "input", "deployment.json")

    def timed(cmd):
        best = []
        for _ in range(runs):
            start = time.perf_counter()
            subprocess.run(cmd, capture_output=True, check=False)
            best.append(time.perf_counter() - start)
        return sorted(best)[len(best) // 2]

    ours = timed([palisade, "policy", "eval", "-d", *policies, "-i", input_path, "data.main.deny"])
    theirs = timed([sys.executable, "-c", ONE_SHOT_PY, input_path, "data.main.deny", *policies])
    return ours, theirs


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--palisade", required=True)
    ap.add_argument("--repo", required=True)
    ap.add_argument("--gatekeeper", required=True)
    ap.add_argument("--seconds", type=float, default=1.0)
    ap.add_argument("--runs", type=int, default=9)
    args = ap.parse_args()

    # rego-cpp prints its diagnostics on file descriptor 1; keep them out of the table.
    table = os.fdopen(os.dup(1), "w")
    os.dup2(os.open(os.devnull, os.O_WRONLY), 1)

    rows = []
    with tempfile.TemporaryDirectory(prefix="palisade-bench-") as out:
        workloads = gatekeeper_workloads(args.gatekeeper, out) if os.path.isdir(args.gatekeeper) else []
        workloads.append(data_heavy_workload(out))
        for w in workloads:
            ours, why_ours = palisade_rate(args.palisade, w, args.seconds)
            theirs, why_theirs = regopy_rate(w, args.seconds)
            note = "; ".join((["palisade: " + why_ours[0]] if why_ours else []) + (["regopy: " + why_theirs[0]] if why_theirs else []))
            rows.append((w["name"], "eval/s", ours, theirs, ours / theirs if ours and theirs else None, note))
            print(f"  {w['name']}: palisade {fmt(ours)}  regopy {fmt(theirs)}", file=sys.stderr)
        ours, theirs = one_shot(args.palisade, args.repo, args.runs)
        rows.append(("one-shot `palisade policy eval` (process)", "ms", ours * 1000, theirs * 1000, theirs / ours, ""))

    width = max(len(r[0]) for r in rows)
    sys.stdout = table
    print(f"{'benchmark':<{width}}  {'unit':>6}  {'palisade':>12}  {'regopy':>12}  {'ratio':>7}")
    for name, unit, ours, theirs, ratio, note in rows:
        line = f"{name:<{width}}  {unit:>6}  {fmt(ours):>12}  {fmt(theirs):>12}  {fmt(ratio, 2):>7}"
        print(line + (f"  ({note})" if note else ""))
    ratios = [r[4] for r in rows if r[4]]
    geo = math.exp(sum(math.log(r) for r in ratios) / len(ratios)) if ratios else 0.0
    print(f"{len(ratios)} of {len(rows)} rows compared; ratio > 1 means Palisade is faster")
    print(f"speedup {geo:.2f} vs regopy")
    table.flush()


def fmt(value, digits=None):
    if value is None:
        return "n/a"
    if digits is not None:
        return f"{value:,.{digits}f}"
    return f"{value:,.1f}" if value >= 100 else f"{value:.3g}"


if __name__ == "__main__":
    main()
