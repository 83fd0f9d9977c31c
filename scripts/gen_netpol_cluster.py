#!/usr/bin/env python3
"""Writes a synthetic cluster for the network-policy benchmark.

    gen_netpol_cluster.py --out DIR [--pods N] [--namespaces M] [--policies P]
                          [--calico C] [--replicas R] [--seed S]

Namespaces ns-000.. carry team/env labels. Pods are Pod objects owned by
ReplicaSets (R replicas per workload, so N/R workloads spread over the
namespaces), with app/tier labels and named container ports. The P
NetworkPolicies (one default-deny-ingress per namespace, the rest selecting
single workloads) use every peer form: same-namespace pod selectors,
namespace selectors, named ports, port ranges, ipBlocks with except and egress
rules. The C Calico policies (projectcalico.org/v3 NetworkPolicy and
GlobalNetworkPolicy) use tiers' default tier with orders, Allow/Deny/Pass/Log,
selector expressions, nets/notNets and ports. One YAML file per namespace
plus global.yaml. Deterministic for a seed.
"""
import argparse
import os
import random

TIERS = ["frontend", "backend", "db"]
PORTS = {"frontend": [("http", 8080)], "backend": [("http", 8080), ("grpc", 9000)], "db": [("db", 5432)]}


def namespace_doc(i):
    env = ["prod", "staging", "dev"][i % 3]
    return (f"apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ns-{i:03d}\n"
            f"  labels: {{team: t{i % 10}, env: {env}}}\n")


def pod_doc(ns, workload, tier, replica, ip):
    ports = "".join(f"\n      - {{name: {name}, containerPort: {port}}}" for name, port in PORTS[tier])
    ports += "\n      - {name: metrics, containerPort: 9090}"
    return (f"apiVersion: v1\nkind: Pod\nmetadata:\n  name: {workload}-rs-{replica}\n  namespace: {ns}\n"
            f"  labels: {{app: {workload}, tier: {tier}}}\n"
            f"  ownerReferences: [{{apiVersion: apps/v1, kind: ReplicaSet, name: {workload}-rs, controller: true, uid: u}}]\n"
            f"spec:\n  containers:\n  - name: main\n    image: registry.example/{tier}:1\n    ports:{ports}\n"
            f"status:\n  podIP: {ip}\n")


def default_deny(ns):
    return (f"apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: default-deny\n  namespace: {ns}\n"
            f"spec:\n  podSelector: {{}}\n  policyTypes: [Ingress]\n")


def workload_policy(rng, ns, index, workload, tier, namespaces):
    team = rng.randrange(10)
    third = rng.randrange(256)
    shape = index % 4
    lines = [f"apiVersion: networking.k8s.io/v1", "kind: NetworkPolicy", "metadata:",
             f"  name: allow-{workload}-{index}", f"  namespace: {ns}", "spec:",
             f"  podSelector: {{matchLabels: {{app: {workload}}}}}"]
    if shape == 0:
        lines += ["  ingress:",
                  "  - from: [{podSelector: {matchLabels: {tier: frontend}}}]",
                  "    ports: [{port: http}]"]
    elif shape == 1:
        lines += ["  ingress:",
                  f"  - from: [{{namespaceSelector: {{matchLabels: {{team: t{team}}}}}, podSelector: {{matchLabels: {{tier: backend}}}}}}]",
                  "    ports: [{port: 8000, endPort: 8100}, {port: grpc}]"]
    elif shape == 2:
        other = f"ns-{rng.randrange(namespaces):03d}"
        lines += ["  policyTypes: [Ingress, Egress]",
                  "  ingress:",
                  f"  - from: [{{namespaceSelector: {{matchLabels: {{kubernetes.io/metadata.name: {other}}}}}}}]",
                  "  egress:",
                  "  - to: [{namespaceSelector: {}, podSelector: {matchLabels: {tier: db}}}]",
                  "    ports: [{port: 5432}]",
                  "  - to: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}}]",
                  "    ports: [{port: 53, protocol: UDP}]"]
    else:
        lines += ["  policyTypes: [Ingress, Egress]",
                  "  ingress:",
                  f"  - from: [{{ipBlock: {{cidr: 172.16.0.0/12, except: [172.16.{third}.0/24]}}}}]",
                  "    ports: [{port: 443}]",
                  "  egress:",
                  f"  - to: [{{ipBlock: {{cidr: 0.0.0.0/0, except: [10.0.0.0/8, 169.254.169.254/32]}}}}]",
                  "    ports: [{port: 443}, {port: 80}]",
                  "  - to: [{podSelector: {}}]"]
    return "\n".join(lines) + "\n"


def calico_policy(rng, index, namespaces):
    order = rng.choice([10, 100, 500, 900])
    if index % 5 == 0:
        return ("apiVersion: projectcalico.org/v3\nkind: GlobalNetworkPolicy\nmetadata:\n"
                f"  name: global-{index}\nspec:\n  order: {order}\n"
                f"  selector: tier == 'db' && !has(quarantine)\n  types: [Ingress]\n  ingress:\n"
                f"  - action: Deny\n    source:\n      namespaceSelector: env == 'dev'\n"
                f"  - action: Pass\n    protocol: TCP\n    destination: {{ports: [5432]}}\n")
    ns = f"ns-{rng.randrange(namespaces):03d}"
    return ("apiVersion: projectcalico.org/v3\nkind: NetworkPolicy\nmetadata:\n"
            f"  name: calico-{index}\n  namespace: {ns}\nspec:\n  order: {order}\n"
            f"  selector: tier in {{'backend', 'frontend'}}\n  types: [Ingress, Egress]\n  ingress:\n"
            f"  - action: Log\n  - action: Allow\n    protocol: ICMP\n"
            f"  - action: Allow\n    protocol: TCP\n    source:\n      selector: tier == 'frontend'\n"
            f"      namespaceSelector: team == 't{rng.randrange(10)}'\n    destination: {{ports: ['8000:8100', 'http']}}\n"
            f"  egress:\n  - action: Deny\n    destination: {{nets: [169.254.169.254/32]}}\n"
            f"  - action: Allow\n    protocol: TCP\n    destination:\n      notNets: [10.{rng.randrange(256)}.0.0/16]\n      ports: [443]\n")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", required=True)
    parser.add_argument("--pods", type=int, default=5000)
    parser.add_argument("--namespaces", type=int, default=200)
    parser.add_argument("--policies", type=int, default=2000)
    parser.add_argument("--calico", type=int, default=200)
    parser.add_argument("--replicas", type=int, default=5)
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    os.makedirs(args.out, exist_ok=True)
    workloads_per_ns = max(1, args.pods // (args.namespaces * args.replicas))
    policies_per_ns = max(1, args.policies // args.namespaces)
    for i in range(args.namespaces):
        ns = f"ns-{i:03d}"
        docs = [namespace_doc(i)]
        workloads = []
        for j in range(workloads_per_ns):
            tier = TIERS[j % 3]
            workload = f"w{j:03d}-{tier}"
            workloads.append((workload, tier))
            for r in range(args.replicas):
                n = (i * workloads_per_ns + j) * args.replicas + r
                docs.append(pod_doc(ns, workload, tier, r, f"10.{n >> 16 & 255}.{n >> 8 & 255}.{n & 255}"))
        docs.append(default_deny(ns))
        for k in range(1, policies_per_ns):
            workload, tier = workloads[(k - 1) % len(workloads)]
            docs.append(workload_policy(rng, ns, k, workload, tier, args.namespaces))
        with open(os.path.join(args.out, f"{ns}.yaml"), "w") as f:
            f.write("---\n".join(docs))
    with open(os.path.join(args.out, "global.yaml"), "w") as f:
        f.write("---\n".join(calico_policy(rng, c, args.namespaces) for c in range(args.calico)) or "")


if __name__ == "__main__":
    main()
