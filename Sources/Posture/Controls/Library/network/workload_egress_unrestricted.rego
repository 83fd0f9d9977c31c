# METADATA
# title: Workload without an egress NetworkPolicy
# description: >-
#   Pods not selected by a NetworkPolicy with policyTypes Egress can connect anywhere, including the
#   cloud metadata endpoint, the API server and the internet, which helps exfiltration and lateral
#   movement. Reported on the Pod or workload, by matching its Pod template labels against the
#   podSelector (matchLabels and matchExpressions) of the NetworkPolicies of its namespace in
#   data.inventory.
# custom:
#   id: PAL-162
#   severity: medium
#   remediation: >-
#     Create a NetworkPolicy whose podSelector matches the workload's Pod labels and lists Egress in
#     policyTypes, allowing only the traffic the workload needs.
#   kinds: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob]
#   frameworks:
#     NSA-CISA: ["Network separation and hardening: Network policies"]
#     CIS: ["5.3.2"]
#   references:
#     - https://media.defense.gov/2022/Aug/29/2003066362/-1/-1/0/CTR_KUBERNETES_HARDENING_GUIDANCE_1.2_20220829.PDF
#     - https://www.cisecurity.org/benchmark/kubernetes
#     - https://kubernetes.io/docs/concepts/services-networking/network-policies/
package palisade.controls.workload_egress_unrestricted

import rego.v1

# Difference from Polaris' missingNetworkPolicy, kept on purpose: a policy listing Egress in
# policyTypes without egress rules denies all egress (Kubernetes semantics), so the Pods it
# selects are restricted; Polaris fails them for having no egress rules.

# --- label selectors (metav1.LabelSelector semantics) ---

expression_matches(labels, e) if {
	e.operator == "In"
	labels[e.key] in e.values
}

expression_matches(labels, e) if {
	e.operator == "NotIn"
	not labels[e.key] in e.values
}

expression_matches(labels, e) if {
	e.operator == "Exists"
	labels[e.key]
}

expression_matches(labels, e) if {
	e.operator == "DoesNotExist"
	not labels[e.key]
}

selector_matches(selector, labels) if {
	every key, value in object.get(selector, "matchLabels", {}) {
		labels[key] == value
	}
	every e in object.get(selector, "matchExpressions", []) {
		expression_matches(labels, e)
	}
}

pod_labels := object.get(input, ["metadata", "labels"], {}) if input.kind == "Pod"

pod_labels := object.get(input, ["spec", "jobTemplate", "spec", "template", "metadata", "labels"], {}) if input.kind == "CronJob"

pod_labels := object.get(input, ["spec", "template", "metadata", "labels"], {}) if not input.kind in {"Pod", "CronJob"}

namespace_of(obj) := object.get(obj, ["metadata", "namespace"], "")

# The namespace data.inventory files input under ("default" when unset).
inventory_namespace := ns if {
	ns := input.metadata.namespace
	is_string(ns)
	ns != ""
} else := "default"

# NetworkPolicies of the workload's namespace that select its Pods (looked up
# under that namespace only: a walk over every namespace makes the scan quadratic).
selecting_policies contains policy if {
	some api_version
	some policy in data.inventory.namespace[inventory_namespace][api_version].NetworkPolicy
	namespace_of(policy) == namespace_of(input)
	selector_matches(object.get(policy, ["spec", "podSelector"], {}), pod_labels)
}

# policyTypes, with the API server's defaults when absent.
policy_types(policy) := {t | some t in policy.spec.policyTypes} if policy.spec.policyTypes

policy_types(policy) := {"Ingress", "Egress"} if {
	not policy.spec.policyTypes
	policy.spec.egress
}

policy_types(policy) := {"Ingress"} if {
	not policy.spec.policyTypes
	not policy.spec.egress
}

deny contains finding if {
	not isolated
	finding := {
		"msg": sprintf("%s %q is not selected by any NetworkPolicy restricting egress traffic", [input.kind, input.metadata.name]),
		"path": "metadata.labels",
	}
}

isolated if {
	some policy in selecting_policies
	"Egress" in policy_types(policy)
}
