# Example policy for `palisade policy check` (conftest style) and `palisade policy eval`.
# Rego v1 syntax. The package `main` is what `policy check` evaluates by default.
package main

workload_kinds := {"Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job"}

# The pod spec of a Pod or of a workload's template.
pod_spec := input.spec if {
	input.kind == "Pod"
} else := input.spec.template.spec if {
	input.kind in workload_kinds
}

containers contains c if some c in pod_spec.containers

containers contains c if some c in pod_spec.initContainers

name := object.get(input, ["metadata", "name"], "(unnamed)")

deny contains msg if {
	some c in containers
	c.securityContext.privileged == true
	msg := sprintf("%s %s: container %q must not be privileged", [input.kind, name, c.name])
}

deny contains msg if {
	some c in containers
	not c.resources.limits.memory
	msg := sprintf("%s %s: container %q has no memory limit", [input.kind, name, c.name])
}

deny contains msg if {
	some c in containers
	endswith(c.image, ":latest")
	msg := sprintf("%s %s: container %q uses the mutable tag :latest", [input.kind, name, c.name])
}

warn contains msg if {
	pod_spec
	not input.metadata.labels["app.kubernetes.io/name"]
	msg := sprintf("%s %s: add the label app.kubernetes.io/name", [input.kind, name])
}

warn contains msg if {
	input.kind == "Service"
	input.spec.type == "NodePort"
	msg := sprintf("Service %s: NodePort services expose every node", [name])
}
