# METADATA
# title: Role can modify admission webhooks
# description: >-
#   Whoever can change validating or mutating webhook configurations can switch off admission policy or
#   inject a webhook that rewrites every object sent to the API server. Reported on each rule of a
#   Role/ClusterRole (Kubernetes default roles excepted) and on each RoleBinding/ClusterRoleBinding that
#   grants such a role to a subject other than a Kubernetes system component.
# custom:
#   id: PAL-115
#   severity: high
#   remediation: >-
#     Limit write access to admission webhook configurations to the cluster administrators and the
#     operators that own them.
#   kinds: [Role, ClusterRole, RoleBinding, ClusterRoleBinding]
#   frameworks:
#     NSA-CISA: ["Authentication and authorization: Role-based access control"]
#     MITRE: ["T1562.001"]
#     CIS: ["5.1.12"]
#   references:
#     - https://media.defense.gov/2022/Aug/29/2003066362/-1/-1/0/CTR_KUBERNETES_HARDENING_GUIDANCE_1.2_20220829.PDF
#     - https://www.cisecurity.org/benchmark/kubernetes
package palisade.controls.webhook_config_modify

import rego.v1

import data.palisade.lib.rbac

perms := rbac.perms({"admissionregistration.k8s.io"}, {"validatingwebhookconfigurations", "mutatingwebhookconfigurations", "validatingadmissionpolicies", "validatingadmissionpolicybindings"}, {"create", "update", "patch", "delete", "deletecollection"})

deny contains finding if {
	some finding in rbac.findings(input, perms, "allows changing admission webhook configurations")
}
