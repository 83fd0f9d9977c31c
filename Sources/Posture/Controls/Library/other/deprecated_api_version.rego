# METADATA
# title: Object uses a removed or deprecated API version
# description: >-
#   API versions such as extensions/v1beta1, apps/v1beta2, policy/v1beta1 or batch/v1beta1 have been
#   removed from current Kubernetes releases; manifests using them fail to apply on upgrade or are stuck
#   on old, unpatched clusters, and removed kinds like PodSecurityPolicy no longer protect anything.
#   Reported on any object whose apiVersion and kind are in the Kubernetes deprecation guide, with the
#   release that removed it and the replacement.
# custom:
#   id: PAL-180
#   severity: medium
#   remediation: >-
#     Move the manifest to the replacement API version named in the finding (kubectl convert can help)
#     and upgrade charts that still ship it.
#   kinds: ["*"]
#   frameworks:
#     NSA-CISA: ["Upgrading and application security practices"]
#   references:
#     - https://media.defense.gov/2022/Aug/29/2003066362/-1/-1/0/CTR_KUBERNETES_HARDENING_GUIDANCE_1.2_20220829.PDF
#     - https://kubernetes.io/docs/reference/using-api/deprecation-guide/
package palisade.controls.deprecated_api_version

import rego.v1

# [apiVersion, kind] -> [removed in, replacement]
removed := {
	["extensions/v1beta1", "Deployment"]: ["1.16", "apps/v1"],
	["extensions/v1beta1", "DaemonSet"]: ["1.16", "apps/v1"],
	["extensions/v1beta1", "ReplicaSet"]: ["1.16", "apps/v1"],
	["extensions/v1beta1", "NetworkPolicy"]: ["1.16", "networking.k8s.io/v1"],
	["extensions/v1beta1", "PodSecurityPolicy"]: ["1.16", "Pod Security Admission"],
	["extensions/v1beta1", "Ingress"]: ["1.22", "networking.k8s.io/v1"],
	["apps/v1beta1", "Deployment"]: ["1.16", "apps/v1"],
	["apps/v1beta1", "StatefulSet"]: ["1.16", "apps/v1"],
	["apps/v1beta2", "Deployment"]: ["1.16", "apps/v1"],
	["apps/v1beta2", "StatefulSet"]: ["1.16", "apps/v1"],
	["apps/v1beta2", "DaemonSet"]: ["1.16", "apps/v1"],
	["apps/v1beta2", "ReplicaSet"]: ["1.16", "apps/v1"],
	["networking.k8s.io/v1beta1", "Ingress"]: ["1.22", "networking.k8s.io/v1"],
	["networking.k8s.io/v1beta1", "IngressClass"]: ["1.22", "networking.k8s.io/v1"],
	["rbac.authorization.k8s.io/v1beta1", "Role"]: ["1.22", "rbac.authorization.k8s.io/v1"],
	["rbac.authorization.k8s.io/v1beta1", "ClusterRole"]: ["1.22", "rbac.authorization.k8s.io/v1"],
	["rbac.authorization.k8s.io/v1beta1", "RoleBinding"]: ["1.22", "rbac.authorization.k8s.io/v1"],
	["rbac.authorization.k8s.io/v1beta1", "ClusterRoleBinding"]: ["1.22", "rbac.authorization.k8s.io/v1"],
	["admissionregistration.k8s.io/v1beta1", "ValidatingWebhookConfiguration"]: ["1.22", "admissionregistration.k8s.io/v1"],
	["admissionregistration.k8s.io/v1beta1", "MutatingWebhookConfiguration"]: ["1.22", "admissionregistration.k8s.io/v1"],
	["apiextensions.k8s.io/v1beta1", "CustomResourceDefinition"]: ["1.22", "apiextensions.k8s.io/v1"],
	["certificates.k8s.io/v1beta1", "CertificateSigningRequest"]: ["1.22", "certificates.k8s.io/v1"],
	["scheduling.k8s.io/v1beta1", "PriorityClass"]: ["1.22", "scheduling.k8s.io/v1"],
	["storage.k8s.io/v1beta1", "CSIDriver"]: ["1.22", "storage.k8s.io/v1"],
	["storage.k8s.io/v1beta1", "CSINode"]: ["1.22", "storage.k8s.io/v1"],
	["storage.k8s.io/v1beta1", "StorageClass"]: ["1.22", "storage.k8s.io/v1"],
	["storage.k8s.io/v1beta1", "VolumeAttachment"]: ["1.22", "storage.k8s.io/v1"],
	["storage.k8s.io/v1beta1", "CSIStorageCapacity"]: ["1.27", "storage.k8s.io/v1"],
	["batch/v1beta1", "CronJob"]: ["1.25", "batch/v1"],
	["discovery.k8s.io/v1beta1", "EndpointSlice"]: ["1.25", "discovery.k8s.io/v1"],
	["events.k8s.io/v1beta1", "Event"]: ["1.25", "events.k8s.io/v1"],
	["autoscaling/v2beta1", "HorizontalPodAutoscaler"]: ["1.25", "autoscaling/v2"],
	["autoscaling/v2beta2", "HorizontalPodAutoscaler"]: ["1.26", "autoscaling/v2"],
	["policy/v1beta1", "PodDisruptionBudget"]: ["1.25", "policy/v1"],
	["policy/v1beta1", "PodSecurityPolicy"]: ["1.25", "Pod Security Admission"],
	["node.k8s.io/v1beta1", "RuntimeClass"]: ["1.25", "node.k8s.io/v1"],
	["flowcontrol.apiserver.k8s.io/v1beta1", "FlowSchema"]: ["1.26", "flowcontrol.apiserver.k8s.io/v1"],
	["flowcontrol.apiserver.k8s.io/v1beta1", "PriorityLevelConfiguration"]: ["1.26", "flowcontrol.apiserver.k8s.io/v1"],
	["flowcontrol.apiserver.k8s.io/v1beta2", "FlowSchema"]: ["1.29", "flowcontrol.apiserver.k8s.io/v1"],
	["flowcontrol.apiserver.k8s.io/v1beta2", "PriorityLevelConfiguration"]: ["1.29", "flowcontrol.apiserver.k8s.io/v1"],
	["flowcontrol.apiserver.k8s.io/v1beta3", "FlowSchema"]: ["1.32", "flowcontrol.apiserver.k8s.io/v1"],
	["flowcontrol.apiserver.k8s.io/v1beta3", "PriorityLevelConfiguration"]: ["1.32", "flowcontrol.apiserver.k8s.io/v1"],
}

deny contains finding if {
	entry := removed[[input.apiVersion, input.kind]]
	finding := {
		"msg": sprintf("%s %q uses %s, removed in Kubernetes %s; use %s", [input.kind, input.metadata.name, input.apiVersion, entry[0], entry[1]]),
		"path": "apiVersion",
	}
}
