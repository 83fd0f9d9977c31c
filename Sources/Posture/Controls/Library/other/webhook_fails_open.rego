# METADATA
# title: Admission webhook fails open
# description: >-
#   A validating webhook with failurePolicy: Ignore admits every request while the webhook is down or
#   unreachable, so stopping the policy engine's Pods switches the policy off. Reported on the
#   ValidatingWebhookConfiguration, once per such webhook.
# custom:
#   id: PAL-184
#   severity: low
#   remediation: >-
#     Set failurePolicy: Fail on security-relevant webhooks and run the webhook highly available;
#     exclude kube-system with a namespaceSelector to keep the cluster recoverable.
#   kinds: [ValidatingWebhookConfiguration]
#   frameworks:
#     NSA-CISA: ["Kubernetes Pod security: Pod security enforcement"]
#     MITRE: ["T1562.001"]
#   references:
#     - https://media.defense.gov/2022/Aug/29/2003066362/-1/-1/0/CTR_KUBERNETES_HARDENING_GUIDANCE_1.2_20220829.PDF
#     - https://kubernetes.io/docs/reference/access-authn-authz/extensible-admission-controllers/#failure-policy
package palisade.controls.webhook_fails_open

import rego.v1

deny contains finding if {
	some i, webhook in object.get(input, "webhooks", [])
	webhook.failurePolicy == "Ignore"
	finding := {
		"msg": sprintf("webhook %q of %q admits requests when it cannot be reached (failurePolicy: Ignore)", [webhook.name, input.metadata.name]),
		"path": sprintf("webhooks[%d].failurePolicy", [i]),
	}
}
