#!/usr/bin/env python3
"""Writes a deterministic synthetic set of Kubernetes manifests for `scripts/bench scan`.

    scripts/gen_manifests.py OUT_DIR [--count 10000] [--seed 42] [--per-file 50]

The mix imitates an estate of many small applications: per application a
Deployment/StatefulSet/DaemonSet/Job/CronJob or bare Pod, a Service, a
ServiceAccount, ConfigMaps and sometimes a Secret, Ingress, HPA, PDB,
NetworkPolicy, Role and RoleBinding, plus namespaces and a few cluster-wide
RBAC objects. About a third of the workloads carry the usual problems
(privileged, host namespaces, hostPath, :latest or untagged images, no
resources or probes, root user, added capabilities, secrets in env, wildcard
RBAC, NodePort/LoadBalancer services). Output is JSON-free YAML written with
the standard library only, so the same seed gives byte-identical files.
"""
import argparse
import os
import random

KIND_WEIGHTS = [("Deployment", 40), ("StatefulSet", 8), ("DaemonSet", 4), ("Job", 5), ("CronJob", 5), ("Pod", 6)]
REGISTRIES = ["registry.example.com/team", "docker.io/library", "gcr.io/project", "quay.io/org"]
IMAGES = ["nginx", "redis", "postgres", "api", "worker", "frontend", "envoy", "busybox", "fluentd", "prometheus"]


def q(s):
    """A YAML double-quoted scalar."""
    return '"' + str(s).replace("\\", "\\\\").replace('"', '\\"') + '"'


class App:
    def __init__(self, rng, index, namespace):
        self.rng = rng
        self.name = f"app-{index:05d}"
        self.namespace = namespace
        self.kind = rng.choices([k for k, _ in KIND_WEIGHTS], [w for _, w in KIND_WEIGHTS])[0]
        self.bad = rng.random() < 0.35
        self.labels = {"app.kubernetes.io/name": self.name, "app.kubernetes.io/part-of": namespace}

    def chance(self, p):
        return self.bad and self.rng.random() < p


def metadata(name, namespace=None, labels=None, indent=0):
    pad = " " * indent
    lines = [f"{pad}metadata:", f"{pad}  name: {name}"]
    if namespace:
        lines.append(f"{pad}  namespace: {namespace}")
    if labels:
        lines.append(f"{pad}  labels:")
        lines += [f"{pad}    {k}: {q(v)}" for k, v in sorted(labels.items())]
    return lines


def image(app):
    repo = f"{app.rng.choice(REGISTRIES)}/{app.rng.choice(IMAGES)}"
    if app.chance(0.25):
        return repo + ":latest"
    if app.chance(0.15):
        return repo
    return f"{repo}:1.{app.rng.randint(0, 30)}.{app.rng.randint(0, 9)}"


def container(app, name, pad):
    rng = app.rng
    p = " " * pad
    lines = [f"{p}- name: {name}", f"{p}  image: {image(app)}"]
    lines.append(f"{p}  imagePullPolicy: {'IfNotPresent' if app.chance(0.5) else 'Always'}")
    lines.append(f"{p}  ports:")
    port = rng.choice([80, 8080, 443, 5432, 6379, 9090])
    lines.append(f"{p}  - containerPort: {port}")
    if app.chance(0.2):
        lines.append(f"{p}    hostPort: {port}")
    if app.chance(0.3):
        lines += [f"{p}  env:", f"{p}  - name: DB_PASSWORD", f"{p}    value: {q('hunter2-' + app.name)}"]
    else:
        lines += [f"{p}  env:", f"{p}  - name: DB_PASSWORD", f"{p}    valueFrom:", f"{p}      secretKeyRef:",
                  f"{p}        name: {app.name}-db", f"{p}        key: password"]
    if not app.chance(0.5):
        lines += [f"{p}  resources:", f"{p}    requests:", f"{p}      cpu: 100m", f"{p}      memory: 128Mi",
                  f"{p}    limits:", f"{p}      cpu: 500m", f"{p}      memory: 256Mi"]
    if not app.chance(0.5):
        lines += [f"{p}  livenessProbe:", f"{p}    httpGet:", f"{p}      path: /healthz", f"{p}      port: {port}",
                  f"{p}  readinessProbe:", f"{p}    httpGet:", f"{p}      path: /ready", f"{p}      port: {port}"]
    sc = []
    if app.chance(0.2):
        sc.append("privileged: true")
    if app.chance(0.3):
        sc.append("allowPrivilegeEscalation: true")
    elif not app.bad or rng.random() < 0.5:
        sc.append("allowPrivilegeEscalation: false")
    if app.chance(0.3):
        sc.append("runAsUser: 0")
    elif not app.bad:
        sc += ["runAsNonRoot: true", "runAsUser: 10001"]
    if not app.chance(0.5):
        sc.append("readOnlyRootFilesystem: true")
    if app.chance(0.2):
        sc += ["capabilities:", "  add: [\"SYS_ADMIN\", \"NET_ADMIN\"]"]
    elif not app.bad:
        sc += ["capabilities:", "  drop: [\"ALL\"]", "seccompProfile:", "  type: RuntimeDefault"]
    if sc:
        lines.append(f"{p}  securityContext:")
        lines += [f"{p}    {line}" for line in sc]
    if app.chance(0.2):
        lines += [f"{p}  volumeMounts:", f"{p}  - name: host", f"{p}    mountPath: /host"]
    return lines


def pod_spec(app, pad):
    p = " " * pad
    lines = [f"{p}serviceAccountName: {app.name}"]
    if app.chance(0.3):
        lines.append(f"{p}automountServiceAccountToken: true")
    else:
        lines.append(f"{p}automountServiceAccountToken: false")
    for flag in ("hostNetwork", "hostPID", "hostIPC"):
        if app.chance(0.1):
            lines.append(f"{p}{flag}: true")
    if app.kind in ("Job", "CronJob", "Pod"):
        lines.append(f"{p}restartPolicy: {'OnFailure' if app.kind != 'Pod' else 'Always'}")
    lines.append(f"{p}containers:")
    lines += container(app, app.name, pad)
    if app.rng.random() < 0.2:
        lines += container(app, "sidecar", pad)
    if app.chance(0.2):
        lines += [f"{p}volumes:", f"{p}- name: host", f"{p}  hostPath:", f"{p}    path: /var/run/docker.sock"]
    return lines


def template(app, pad):
    p = " " * pad
    return [f"{p}template:"] + metadata(None, labels=app.labels, indent=pad + 2)[0:1] + \
        [f"{p}    labels:"] + [f"{p}      {k}: {q(v)}" for k, v in sorted(app.labels.items())] + \
        [f"{p}  spec:"] + pod_spec(app, pad + 4)


def workload(app):
    head = {"Deployment": "apps/v1", "StatefulSet": "apps/v1", "DaemonSet": "apps/v1",
            "Job": "batch/v1", "CronJob": "batch/v1", "Pod": "v1"}[app.kind]
    lines = [f"apiVersion: {head}", f"kind: {app.kind}"] + metadata(app.name, app.namespace, app.labels)
    lines.append("spec:")
    if app.kind == "Pod":
        return lines + pod_spec(app, 2)
    if app.kind in ("Deployment", "StatefulSet"):
        lines.append(f"  replicas: {1 if app.chance(0.5) else app.rng.randint(2, 5)}")
        if app.kind == "StatefulSet":
            lines.append(f"  serviceName: {app.name}")
    if app.kind in ("Deployment", "StatefulSet", "DaemonSet"):
        lines += ["  selector:", "    matchLabels:", f"      app.kubernetes.io/name: {q(app.name)}"]
        return lines + template(app, 2)
    if app.kind == "Job":
        return lines + ["  backoffLimit: 3"] + template(app, 2)
    return lines + [f"  schedule: {q('*/15 * * * *')}", "  jobTemplate:", "    spec:"] + template(app, 6)


def service(app):
    kind = "ClusterIP"
    if app.chance(0.3):
        kind = app.rng.choice(["NodePort", "LoadBalancer"])
    return ["apiVersion: v1", "kind: Service"] + metadata(app.name, app.namespace, app.labels) + [
        "spec:", f"  type: {kind}", "  selector:", f"    app.kubernetes.io/name: {q(app.name)}",
        "  ports:", "  - port: 80", "    targetPort: 8080"]


def service_account(app):
    lines = ["apiVersion: v1", "kind: ServiceAccount"] + metadata(app.name, app.namespace, app.labels)
    return lines + [f"automountServiceAccountToken: {'true' if app.chance(0.5) else 'false'}"]


def config_map(app, n):
    data = [f"  LOG_LEVEL: {q('info')}", f"  FEATURE_{n}: {q('on')}"]
    if app.chance(0.3):
        data.append(f"  AWS_SECRET_ACCESS_KEY: {q('wJalrXUtnFEMI/K7MDENG/bPxRfiCY' + str(n))}")
    return ["apiVersion: v1", "kind: ConfigMap"] + metadata(f"{app.name}-config-{n}", app.namespace, app.labels) + ["data:"] + data


def secret(app):
    return ["apiVersion: v1", "kind: Secret"] + metadata(f"{app.name}-db", app.namespace, app.labels) + [
        "type: Opaque", "data:", "  password: aHVudGVyMg=="]


def ingress(app):
    lines = ["apiVersion: networking.k8s.io/v1", "kind: Ingress"] + metadata(app.name, app.namespace, app.labels) + ["spec:"]
    if not app.chance(0.5):
        lines += ["  tls:", "  - hosts:", f"    - {app.name}.example.com", f"    secretName: {app.name}-tls"]
    return lines + ["  rules:", f"  - host: {app.name}.example.com", "    http:", "      paths:", "      - path: /",
                    "        pathType: Prefix", "        backend:", "          service:", f"            name: {app.name}",
                    "            port:", "              number: 80"]


def hpa(app):
    return ["apiVersion: autoscaling/v2", "kind: HorizontalPodAutoscaler"] + metadata(app.name, app.namespace, app.labels) + [
        "spec:", "  scaleTargetRef:", "    apiVersion: apps/v1", f"    kind: {app.kind}", f"    name: {app.name}",
        f"  minReplicas: {1 if app.chance(0.5) else 2}", "  maxReplicas: 10"]


def pdb(app):
    return ["apiVersion: policy/v1", "kind: PodDisruptionBudget"] + metadata(app.name, app.namespace, app.labels) + [
        "spec:", f"  maxUnavailable: {0 if app.chance(0.3) else 1}", "  selector:", "    matchLabels:",
        f"      app.kubernetes.io/name: {q(app.name)}"]


def role(app):
    verbs = '["*"]' if app.chance(0.3) else '["get", "list", "watch"]'
    resources = '["pods", "pods/exec"]' if app.chance(0.3) else '["configmaps"]'
    return ["apiVersion: rbac.authorization.k8s.io/v1", "kind: Role"] + metadata(app.name, app.namespace, app.labels) + [
        "rules:", "- apiGroups: [\"\"]", f"  resources: {resources}", f"  verbs: {verbs}"]


def role_binding(app):
    cluster_admin = app.chance(0.15)
    return ["apiVersion: rbac.authorization.k8s.io/v1", "kind: RoleBinding"] + metadata(app.name, app.namespace, app.labels) + [
        "roleRef:", "  apiGroup: rbac.authorization.k8s.io", f"  kind: {'ClusterRole' if cluster_admin else 'Role'}",
        f"  name: {'cluster-admin' if cluster_admin else app.name}", "subjects:", "- kind: ServiceAccount",
        f"  name: {app.name}", f"  namespace: {app.namespace}"]


def network_policy(namespace):
    return ["apiVersion: networking.k8s.io/v1", "kind: NetworkPolicy"] + metadata("default-deny", namespace) + [
        "spec:", "  podSelector: {}", "  policyTypes: [\"Ingress\", \"Egress\"]"]


def namespace_doc(name, rng):
    labels = {"pod-security.kubernetes.io/enforce": "restricted"} if rng.random() < 0.5 else {"team": name}
    return ["apiVersion: v1", "kind: Namespace"] + metadata(name, labels=labels)


def cluster_rbac(i, rng):
    wildcard = rng.random() < 0.3
    docs = [["apiVersion: rbac.authorization.k8s.io/v1", "kind: ClusterRole"] + metadata(f"platform-{i}") + [
        "rules:", "- apiGroups: [\"*\"]" if wildcard else "- apiGroups: [\"\"]",
        "  resources: [\"*\"]" if wildcard else "  resources: [\"nodes\", \"secrets\"]",
        "  verbs: [\"*\"]" if wildcard else "  verbs: [\"get\", \"list\"]"]]
    docs.append(["apiVersion: rbac.authorization.k8s.io/v1", "kind: ClusterRoleBinding"] + metadata(f"platform-{i}") + [
        "roleRef:", "  apiGroup: rbac.authorization.k8s.io", "  kind: ClusterRole",
        f"  name: {'cluster-admin' if rng.random() < 0.2 else f'platform-{i}'}",
        "subjects:", "- kind: Group", f"  name: {'system:authenticated' if rng.random() < 0.1 else f'team-{i}'}",
        "  apiGroup: rbac.authorization.k8s.io"])
    return docs


def documents(count, rng):
    docs = []
    namespaces = [f"team-{i:03d}" for i in range(max(1, count // 250))]
    for i, ns in enumerate(namespaces):
        docs.append(namespace_doc(ns, rng))
        if rng.random() < 0.6:
            docs.append(network_policy(ns))
        docs += cluster_rbac(i, rng)
    index = 0
    while len(docs) < count:
        app = App(rng, index, namespaces[index % len(namespaces)])
        index += 1
        docs.append(workload(app))
        if app.kind != "Job":
            docs.append(service(app))
        docs.append(service_account(app))
        docs += [config_map(app, n) for n in range(rng.randint(0, 2))]
        for make, p in ((secret, 0.4), (ingress, 0.2), (hpa, 0.2), (pdb, 0.25), (role, 0.2), (role_binding, 0.2)):
            if rng.random() < p:
                if make in (hpa, pdb) and app.kind not in ("Deployment", "StatefulSet"):
                    continue
                docs.append(make(app))
    return docs[:count]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out")
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--per-file", type=int, default=50)
    args = parser.parse_args()
    if args.count < 1 or args.per_file < 1:
        parser.error("--count and --per-file must be positive")
    rng = random.Random(args.seed)
    docs = documents(args.count, rng)
    os.makedirs(args.out, exist_ok=True)
    for start in range(0, len(docs), args.per_file):
        chunk = docs[start:start + args.per_file]
        path = os.path.join(args.out, f"manifests-{start // args.per_file:04d}.yaml")
        with open(path, "w", encoding="utf-8") as f:
            f.write("\n---\n".join("\n".join(doc) for doc in chunk) + "\n")
    print(f"{len(docs)} resources in {(len(docs) + args.per_file - 1) // args.per_file} files under {args.out}")


if __name__ == "__main__":
    main()
