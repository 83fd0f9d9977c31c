# METADATA
# title: Role can create PersistentVolumes
# description: >-
#   A PersistentVolume can be a hostPath volume, so creating one gives a path to the node's file system
#   even when Pods may not use hostPath directly. Reported on each rule of a Role/ClusterRole
#   (Kubernetes default roles excepted) and on each RoleBinding/ClusterRoleBinding that grants such a
#   role to a subject other than a Kubernetes system component.
# custom:
#   id: PAL-117
#   severity: high
#   remediation: >-
#     Use dynamic provisioning through StorageClasses and remove create on persistentvolumes from users'
#     roles.
#   kinds: [Role, ClusterRole, RoleBinding, ClusterRoleBinding]
#   frameworks:
#     NSA-CISA: ["Authentication and authorization: Role-based access control"]
#     MITRE: ["T1611"]
#     CIS: ["5.1.9"]
#   references:
#     - https://media.defense.gov/2022/Aug/29/2003066362/-1/-1/0/CTR_KUBERNETES_HARDENING_GUIDANCE_1.2_20220829.PDF
#     - https://www.cisecurity.org/benchmark/kubernetes
package palisade.controls.persistent_volume_create

import rego.v1

import data.palisade.lib.rbac

perms := rbac.perms({""}, {"persistentvolumes"}, {"create"})

deny contains finding if {
	some finding in rbac.findings(input, perms, "allows creating PersistentVolumes")
}
