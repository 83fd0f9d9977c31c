# METADATA
# title: Role can approve certificate signing requests
# description: >-
#   Updating certificatesigningrequests/approval, or the approve verb on signers, lets the holder
#   approve a client certificate for any identity, including system:masters. Reported on each rule of a
#   Role/ClusterRole (Kubernetes default roles excepted) and on each RoleBinding/ClusterRoleBinding that
#   grants such a role to a subject other than a Kubernetes system component.
# custom:
#   id: PAL-113
#   severity: high
#   remediation: >-
#     Limit CSR approval to the controller manager and the platform's node-bootstrap tooling.
#   kinds: [Role, ClusterRole, RoleBinding, ClusterRoleBinding]
#   frameworks:
#     NSA-CISA: ["Authentication and authorization: Role-based access control"]
#     MITRE: ["T1078"]
#     CIS: ["5.1.11"]
#   references:
#     - https://media.defense.gov/2022/Aug/29/2003066362/-1/-1/0/CTR_KUBERNETES_HARDENING_GUIDANCE_1.2_20220829.PDF
#     - https://www.cisecurity.org/benchmark/kubernetes
package palisade.controls.csr_approval

import rego.v1

import data.palisade.lib.rbac

perms := rbac.perms({"certificates.k8s.io"}, {"certificatesigningrequests/approval"}, {"update", "patch"}) | rbac.perms({"certificates.k8s.io"}, {"signers"}, {"approve"})

deny contains finding if {
	some finding in rbac.findings(input, perms, "allows approving certificate signing requests")
}
