# Unit tests for kubernetes.rego: `palisade policy test examples/policies`.
package main_test

import data.main

good_container := {"name": "web", "image": "nginx:1.27", "resources": {"limits": {"memory": "128Mi"}}}

pod(container) := {
	"kind": "Pod",
	"metadata": {"name": "web", "labels": {"app.kubernetes.io/name": "web"}},
	"spec": {"containers": [container]},
}

test_good_pod_passes if {
	count(main.deny) == 0 with input as pod(good_container)
	count(main.warn) == 0 with input as pod(good_container)
}

test_privileged_container_denied if {
	container := object.union(good_container, {"securityContext": {"privileged": true}})
	main.deny["Pod web: container \"web\" must not be privileged"] with input as pod(container)
}

test_latest_tag_denied if {
	container := object.union(good_container, {"image": "nginx:latest"})
	count(main.deny) == 1 with input as pod(container)
}

test_missing_label_warns if {
	unlabelled := {"kind": "Pod", "metadata": {"name": "web"}, "spec": {"containers": [good_container]}}
	main.warn["Pod web: add the label app.kubernetes.io/name"] with input as unlabelled
}

test_deployment_template_checked if {
	deployment := {
		"kind": "Deployment",
		"metadata": {"name": "api"},
		"spec": {"template": {"spec": {"containers": [{"name": "api", "image": "api:2"}]}}},
	}
	main.deny["Deployment api: container \"api\" has no memory limit"] with input as deployment
}
