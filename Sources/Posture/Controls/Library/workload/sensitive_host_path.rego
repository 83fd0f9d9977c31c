# METADATA
# title: Pod mounts a sensitive host path
# description: >-
#   Mounting the node's root, /etc, /proc, /sys, /dev, /boot, /root, /var/run, the kubelet or
#   runtime state directories, or a container runtime socket (docker.sock, containerd.sock,
#   crio.sock) hands the pod control of the node or of every container on it.
# custom:
#   id: PAL-023
#   severity: critical
#   remediation: >-
#     Remove the hostPath volume; for node agents, mount the narrowest path read-only and isolate
#     the workload in a dedicated namespace.
#   kinds: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob, PodTemplate]
#   frameworks:
#     NSA-CISA: ["Kubernetes Pod security: Pod security enforcement"]
#     MITRE: ["T1611", "T1609", "T1552.001"]
#     CIS: ["5.2.12"]
#     PSS: ["baseline:hostPathVolumes"]
#     SOC2: ["CC6.1"]
#     PCI-DSS: ["2.2.6", "7.2.1"]
#     HIPAA: ["164.312(a)(1)"]
#   references:
#     - https://media.defense.gov/2022/Aug/29/2003066362/-1/-1/0/CTR_KUBERNETES_HARDENING_GUIDANCE_1.2_20220829.PDF
#     - https://attack.mitre.org/matrices/enterprise/containers/
#     - https://www.cisecurity.org/benchmark/kubernetes
#     - https://kubernetes.io/docs/concepts/security/pod-security-standards/
#     - https://www.cisecurity.org/controls/cis-controls-navigator
#     - https://www.aicpa-cima.com/resources/download/2017-trust-services-criteria-with-revised-points-of-focus-2022
#     - https://docs-prv.pcisecuritystandards.org/PCI%20DSS/Standard/PCI-DSS-v4_0.pdf
#     - https://www.ecfr.gov/current/title-45/subtitle-A/subchapter-C/part-164/subpart-C/section-164.312
package palisade.controls.sensitive_host_path

import rego.v1

import data.palisade.lib.workload

sensitive_paths := {
	"/", "/etc", "/proc", "/sys", "/dev", "/boot", "/root", "/home", "/var", "/var/run", "/run",
	"/var/lib", "/var/lib/kubelet", "/var/lib/docker", "/var/lib/containerd", "/var/lib/etcd",
	"/etc/kubernetes", "/usr", "/lib", "/bin", "/sbin",
}

sensitive_prefixes := {
	"/etc/", "/proc/", "/sys/", "/dev/", "/boot/", "/root/", "/var/run/", "/run/",
	"/var/lib/kubelet/", "/var/lib/docker/", "/var/lib/containerd/", "/var/lib/etcd/",
}

normalized(path) := "/" if {
	trim_right(path, "/") == ""
} else := trim_right(path, "/")

sensitive(path) if sensitive_paths[normalized(path)]

sensitive(path) if {
	some prefix in sensitive_prefixes
	startswith(normalized(path), prefix)
}

sensitive(path) if endswith(path, ".sock")

deny contains result if {
	some i, volume in workload.array_or_empty(object.get(workload.pod_spec, "volumes", []))
	path := volume.hostPath.path
	is_string(path)
	sensitive(path)
	result := {
		"msg": sprintf("volume %q mounts sensitive host path %s", [object.get(volume, "name", ""), path]),
		"path": sprintf("%s.volumes[%d].hostPath.path", [workload.pod_spec_path, i]),
	}
}
