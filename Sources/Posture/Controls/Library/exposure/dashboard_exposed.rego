# METADATA
# title: Management dashboard exposed outside the cluster
# description: >-
#   Dashboards such as the Kubernetes Dashboard, Kubeflow, Argo CD/Workflows, Grafana, Prometheus,
#   Kibana, Jupyter or Weave Scope are a common way in: many allow actions on the cluster and some run
#   without authentication. Reported on a Service of type LoadBalancer or NodePort, or with externalIPs,
#   and on an Ingress, whose own name or app labels, whose backend Service, or whose selected workloads'
#   images (joined through data.inventory) belong to a known dashboard.
# custom:
#   id: PAL-146
#   severity: high
#   remediation: >-
#     Keep the dashboard on a ClusterIP Service and reach it through kubectl port-forward, a VPN or an
#     authenticating proxy.
#   kinds: [Service, Ingress]
#   frameworks:
#     NSA-CISA: ["Network separation and hardening: Network policies"]
#     MITRE: ["T1133"]
#   references:
#     - https://media.defense.gov/2022/Aug/29/2003066362/-1/-1/0/CTR_KUBERNETES_HARDENING_GUIDANCE_1.2_20220829.PDF
#     - https://attack.mitre.org/matrices/enterprise/containers/
package palisade.controls.dashboard_exposed

import rego.v1

dashboard_patterns := [
	"kubernetes-dashboard", "kubeflow", "centraldashboard", "ml-pipeline-ui", "argocd-server",
	"argo-server", "argo-workflows", "grafana", "prometheus", "alertmanager", "kibana", "jupyter",
	"weave-scope", "kube-ops-view", "headlamp", "octant", "kubecost",
]

dashboard_name(text) := pattern if {
	some pattern in dashboard_patterns
	contains(lower(text), pattern)
}

identity_names(obj) := {obj.metadata.name} | {value |
	some key in {"app", "app.kubernetes.io/name", "k8s-app", "app.kubernetes.io/component"}
	value := obj.metadata.labels[key]
}

exposed_service(svc) if svc.spec.type in {"LoadBalancer", "NodePort"}

exposed_service(svc) if count(object.get(svc, ["spec", "externalIPs"], [])) > 0

template_labels(obj) := obj.metadata.labels if obj.kind == "Pod"

template_labels(obj) := obj.spec.jobTemplate.spec.template.metadata.labels if obj.kind == "CronJob"

template_labels(obj) := obj.spec.template.metadata.labels if not obj.kind in {"Pod", "CronJob"}

images(obj) := {c.image | some c in obj.spec.containers} if obj.kind == "Pod"

images(obj) := {c.image | some c in obj.spec.template.spec.containers} if obj.kind != "Pod"

# Where a kind keeps its pod template's labels (template_labels, as a path).
labels_path(kind) := ["metadata", "labels"] if kind == "Pod"

labels_path(kind) := ["spec", "jobTemplate", "spec", "template", "metadata", "labels"] if kind == "CronJob"

labels_path(kind) := ["spec", "template", "metadata", "labels"] if not kind in {"Pod", "CronJob"}

# Every object of the Service's namespace is visited, so the labels are read and
# matched inline: a function call per object would hash the whole object.
selected_workloads(svc) := {obj |
	selector := svc.spec.selector
	count(selector) > 0
	some api_version, kind
	objects := data.inventory.namespace[object.get(svc.metadata, "namespace", "default")][api_version][kind]
	path := labels_path(kind)
	some obj in objects
	labels := object.get(obj, path, null)
	every key, value in selector {
		labels[key] == value
	}
}

dashboard_of(svc) := d if {
	some text in identity_names(svc)
	d := dashboard_name(text)
} else := d if {
	some obj in selected_workloads(svc)
	some image in images(obj)
	d := dashboard_name(image)
}

deny contains finding if {
	input.kind == "Service"
	exposed_service(input)
	d := dashboard_of(input)
	finding := {
		"msg": sprintf("Service %q exposes %s outside the cluster (type %s)", [input.metadata.name, d, object.get(input.spec, "type", "ClusterIP")]),
		"path": "spec.type",
	}
}

backend_services contains name if {
	name := input.spec.defaultBackend.service.name
}

backend_services contains name if {
	some rule in input.spec.rules
	some p in rule.http.paths
	name := p.backend.service.name
}

backend_services contains name if {
	some rule in input.spec.rules
	some p in rule.http.paths
	name := p.backend.serviceName
}

ingress_dashboard := d if {
	some text in identity_names(input)
	d := dashboard_name(text)
} else := d if {
	some name in backend_services
	d := dashboard_name(name)
} else := d if {
	some name in backend_services
	some api_version
	svc := data.inventory.namespace[object.get(input.metadata, "namespace", "default")][api_version].Service[name]
	d := dashboard_of(svc)
}

deny contains finding if {
	input.kind == "Ingress"
	d := ingress_dashboard
	finding := {
		"msg": sprintf("Ingress %q exposes %s", [input.metadata.name, d]),
		"path": "spec.rules",
	}
}
