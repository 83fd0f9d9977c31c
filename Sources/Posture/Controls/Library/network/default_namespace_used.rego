# METADATA
# title: Object in the default namespace
# description: >-
#   The default namespace is where objects land when nobody chose one; sharing it mixes unrelated
#   workloads under the same policies, quotas and RBAC. Reported on namespaced objects whose
#   metadata.namespace is explicitly default, except what Kubernetes puts there itself (the kubernetes
#   Service and its Endpoints/EndpointSlice, the default ServiceAccount, the kube-root-ca.crt
#   ConfigMap).
# custom:
#   id: PAL-165
#   severity: low
#   remediation: >-
#     Create a namespace per application or team and move the object there.
#   kinds: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob, Service, ConfigMap, Secret, ServiceAccount, Role, RoleBinding, Ingress, PersistentVolumeClaim]
#   frameworks:
#     NSA-CISA: ["Network separation and hardening: Namespaces"]
#     CIS: ["5.7.4"]
#   references:
#     - https://media.defense.gov/2022/Aug/29/2003066362/-1/-1/0/CTR_KUBERNETES_HARDENING_GUIDANCE_1.2_20220829.PDF
#     - https://www.cisecurity.org/benchmark/kubernetes
package palisade.controls.default_namespace_used

import rego.v1

builtin := {
	["Service", "kubernetes"],
	["ServiceAccount", "default"],
	["ConfigMap", "kube-root-ca.crt"],
}

deny contains finding if {
	input.metadata.namespace == "default"
	not [input.kind, input.metadata.name] in builtin
	finding := {
		"msg": sprintf("%s %q is in the default namespace", [input.kind, input.metadata.name]),
		"path": "metadata.namespace",
	}
}
