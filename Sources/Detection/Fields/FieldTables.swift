// Field tables: "name type [arg] [list]" per line. Types: s string, i integer,
// b bool, ip address, net network, at absolute time, rt relative time,
// buf bytes, d double. Arg: o optional, r required. "L" marks list fields.

/// Fields every source provides (libsinsp generic event fields).
let commonFieldTable = """
evt.num i
evt.time s o
evt.time.s s
evt.time.iso8601 s
evt.datetime s
evt.datetime.s s
evt.rawtime at
evt.rawtime.s at
evt.rawtime.ns at
evt.reltime rt
evt.reltime.s rt
evt.reltime.ns rt
evt.pluginname s
evt.plugininfo s
evt.source s
evt.is_async b
evt.asynctype s
evt.hostname s
"""

/// Syscall source fields (libsinsp evt, proc, thread, fd, user, group, fs, syslog)
/// and the container plugin's container/k8s fields.
let syscallFieldTable = """
evt.type s
evt.type.is s r
evt.dir s
evt.cpu i
evt.args s
evt.arg s r
evt.rawarg s r
evt.info s
evt.buffer buf
evt.buflen i
evt.res s
evt.rawres i
evt.failed b
evt.is_io b
evt.is_io_read b
evt.is_io_write b
evt.io_dir s
evt.is_wait b
evt.wait_latency rt
evt.is_syslog b
evt.count i
evt.count.error i
evt.count.error.file i
evt.count.error.net i
evt.count.error.memory i
evt.count.error.other i
evt.count.exit i
evt.around b r
evt.abspath s o
evt.abspath.src s
evt.abspath.dst s
evt.is_open_read b
evt.is_open_write b
evt.is_open_exec b
evt.is_open_create b
evt.latency rt
evt.latency.s rt
evt.latency.ns rt
evt.latency.quantized i
evt.latency.human s
evt.deltatime rt
evt.deltatime.s rt
evt.deltatime.ns rt
evt.outputtime at
evt.category s
evt.fdtype s
evt.fdtype.is s r
evt.pid i
evt.tid i
proc.exe s
proc.pexe s
proc.aexe s o
proc.exepath s
proc.pexepath s
proc.aexepath s o
proc.name s
proc.pname s
proc.aname s o
proc.args s
proc.cmdline s
proc.pcmdline s
proc.acmdline s o
proc.cmdnargs i
proc.cmdlenargs i
proc.exeline s
proc.env s o
proc.aenv s o
proc.cwd s
proc.loginshellid i
proc.tty i
proc.pid i
proc.ppid i
proc.apid i o
proc.vpid i
proc.pvpid i
proc.sid i
proc.sname s
proc.sid.exe s
proc.sid.exepath s
proc.vpgid i
proc.vpgid.name s
proc.vpgid.exe s
proc.vpgid.exepath s
proc.pgid i
proc.pgid.name s
proc.pgid.exe s
proc.pgid.exepath s
proc.duration rt
proc.ppid.duration rt
proc.pid.ts rt
proc.ppid.ts rt
proc.is_exe_writable b
proc.is_exe_upper_layer b
proc.is_exe_lower_layer b
proc.is_exe_from_memfd b
proc.is_sid_leader b
proc.is_vpgid_leader b
proc.is_pgid_leader b
proc.is_container_healthcheck b
proc.is_container_liveness_probe b
proc.is_container_readiness_probe b
proc.exe_ino i
proc.exe_ino.ctime at
proc.exe_ino.mtime at
proc.exe_ino.ctime_duration_proc_start rt
proc.exe_ino.ctime_duration_pidns_start rt
proc.pidns_init_start_ts at
proc.thread.cap_permitted s
proc.thread.cap_inheritable s
proc.thread.cap_effective s
proc.fdopencount i
proc.fdlimit i
proc.fdusage d
proc.vmsize i
proc.vmrss i
proc.vmswap i
proc.pfmajor i
proc.pfminor i
proc.stdin.type s
proc.stdout.type s
proc.stderr.type s
proc.stdin.name s
proc.stdout.name s
proc.stderr.name s
proc.nthreads i
proc.nchilds i
proc.ppid.name s
proc.is_tty b
thread.tid i
thread.vtid i
thread.ismain b
thread.exectime rt
thread.totexectime rt
thread.cgroups s
thread.cgroup s r
thread.nametid s
thread.cap_permitted s
thread.cap_inheritable s
thread.cap_effective s
thread.cpu i
thread.cpu.user i
thread.cpu.system i
thread.vmsize i
thread.vmrss i
thread.pfmajor i
thread.pfminor i
fd.num i
fd.type s
fd.typechar s
fd.name s
fd.directory s
fd.filename s
fd.ip ip
fd.cip ip
fd.sip ip
fd.lip ip
fd.rip ip
fd.port i
fd.cport i
fd.sport i
fd.lport i
fd.rport i
fd.l4proto s
fd.sockfamily s
fd.is_server b
fd.uid s
fd.containername s
fd.containerdirectory s
fd.proto s
fd.cproto s
fd.sproto s
fd.lproto s
fd.rproto s
fd.net net
fd.cnet net
fd.snet net
fd.lnet net
fd.rnet net
fd.connected b
fd.name_changed b
fd.cip.name s
fd.sip.name s
fd.lip.name s
fd.rip.name s
fd.dev i
fd.dev.major i
fd.dev.minor i
fd.ino i
fd.nameraw s
fd.types s o
fd.is_upper_layer b
fd.is_lower_layer b
fs.path.name s
fs.path.nameraw s
fs.path.source s
fs.path.sourceraw s
fs.path.target s
fs.path.targetraw s
user.uid i
user.name s
user.homedir s
user.shell s
user.loginuid i
user.loginname s
group.gid i
group.name s
syslog.facility.str s
syslog.facility i
syslog.severity.str s
syslog.severity i
syslog.message s
container.id s
container.info s
container.full_id s
container.name s
container.image s
container.image.id s
container.type s
container.privileged b
container.mounts s
container.mount s r
container.mount.source s r
container.mount.dest s r
container.mount.mode s r
container.mount.rdwr s r
container.mount.propagation s r
container.image.repository s
container.image.tag s
container.image.digest s
container.healthcheck s
container.liveness_probe s
container.readiness_probe s
container.start_ts at
container.duration rt
container.ip s
container.cni.json s
container.host_pid b
container.host_network b
container.host_ipc b
container.label s r
container.labels s
k8s.pod.name s
k8s.pod.id s
k8s.pod.uid s
k8s.pod.sandbox_id s
k8s.pod.full_sandbox_id s
k8s.pod.label s r
k8s.pod.labels s
k8s.pod.ip s
k8s.pod.cni.json s
k8s.ns.name s
"""

/// The json plugin's fields (sources that carry JSON events).
let jsonFieldTable = """
json.value s r
json.obj s
json.rawtime s
jevt.value s r
jevt.obj s
jevt.rawtime s
"""

/// The k8saudit plugin's fields (source `k8s_audit`).
let k8sAuditFieldTable = """
ka.auditid s
ka.stage s
ka.auth.decision s
ka.auth.reason s
ka.auth.openshift.decision s
ka.auth.openshift.username s
ka.user.name s
ka.user.groups s o L
ka.impuser.name s
ka.verb s
ka.uri s
ka.uri.param s r
ka.target.name s
ka.target.namespace s
ka.target.resource s
ka.target.subresource s
ka.target.pod.name s
ka.req.binding.subjects s o L
ka.req.binding.role s
ka.req.binding.subject.has_name s r
ka.req.configmap.name s
ka.req.configmap.obj s
ka.req.pod.containers.image s o L
ka.req.container.image s
ka.req.pod.containers.image.repository s o L
ka.req.container.image.repository s
ka.req.pod.host_ipc s
ka.req.pod.host_network s
ka.req.container.host_network s
ka.req.pod.host_pid s
ka.req.container.host_pid s
ka.req.pod.containers.host_port s o L
ka.req.pod.containers.privileged s o L
ka.req.container.privileged s
ka.req.pod.containers.allow_privilege_escalation s o L
ka.req.pod.containers.read_only_fs s o L
ka.req.pod.run_as_user s
ka.req.pod.containers.run_as_user s o L
ka.req.pod.containers.eff_run_as_user s o L
ka.req.pod.run_as_group s
ka.req.pod.containers.run_as_group s o L
ka.req.pod.containers.eff_run_as_group s o L
ka.req.pod.containers.proc_mount s o L
ka.req.role.rules s o L
ka.req.role.rules.apiGroups s o L
ka.req.role.rules.nonResourceURLs s o L
ka.req.role.rules.verbs s o L
ka.req.role.rules.resources s o L
ka.req.pod.fs_group s
ka.req.pod.supplemental_groups s o L
ka.req.pod.containers.add_capabilities s o L
ka.req.service.type s
ka.req.service.ports s o L
ka.req.pod.volumes.hostpath s o L
ka.req.volume.hostpath s r
ka.req.pod.volumes.flexvolume_driver s o L
ka.req.pod.volumes.volume_type s o L
ka.req.pod.initContainers.image s o L
ka.req.pod.initContainers.image.repository s o L
ka.req.pod.initContainers.privileged s o L
ka.req.pod.ephemeralContainers.image s o L
ka.req.pod.ephemeralContainers.image.repository s o L
ka.req.pod.ephemeralContainers.privileged s o L
ka.resp.name s
ka.response.code s
ka.response.reason s
ka.useragent s
ka.sourceips s o L
ka.cluster.name s
"""

/// The cloudtrail plugin's fields (source `aws_cloudtrail`).
let cloudtrailFieldTable = """
ct.id s
ct.error s
ct.errormessage s
ct.time s
ct.src s
ct.shortsrc s
ct.name s
ct.user s
ct.user.accountid s
ct.user.identitytype s
ct.user.principalid s
ct.user.arn s
ct.region s
ct.response.subnetid s
ct.response.reservationid s
ct.response s
ct.request.availabilityzone s
ct.request.cluster s
ct.request.functionname s
ct.request.groupname s
ct.request.host s
ct.request.name s
ct.request.policy s
ct.request.serialnumber s
ct.request.servicename s
ct.request.subnetid s
ct.request.taskdefinition s
ct.request.username s
ct.request s
ct.srcip s
ct.useragent s
ct.info s
ct.managementevent s
ct.readonly s
ct.requestid s
ct.eventtype s
ct.apiversion s
ct.resources s
ct.recipientaccountid s
ct.serviceevent s
ct.sharedeventid s
ct.vpcendpointid s
ct.eventcategory s
ct.addendum.reason s
ct.addendum.updatedfields s
ct.addendum.originalrequestid s
ct.addendum.originaleventid s
ct.sessioncredentialfromconsole s
ct.edgedevicedetails s
ct.tlsdetails.tlsversion s
ct.tlsdetails.ciphersuite s
ct.tlsdetails.clientprovidedhostheader s
ct.additionaleventdata s
s3.uri s
s3.bucket s
s3.key s
s3.bytes i
s3.bytes.in i
s3.bytes.out i
s3.cnt.get i
s3.cnt.put i
s3.cnt.other i
ec2.name s
ec2.imageid s
ecr.repository s
ecr.imagetag s
"""

/// The gcpaudit plugin's fields (source `gcp_auditlog`).
let gcpAuditFieldTable = """
gcp.user s
gcp.callerIP s
gcp.userAgentName s
gcp.userAgent s
gcp.authorizationInfo s
gcp.serviceName s
gcp.policyDelta s
gcp.request s
gcp.methodName s
gcp.cloudfunctions.function s
gcp.cloudsql.databaseId s
gcp.compute.instanceId s
gcp.compute.networkId s
gcp.compute.subnetwork s
gcp.compute.subnetworkId s
gcp.dns.zone s
gcp.iam.serviceAccount s
gcp.iam.serviceAccountId s
gcp.location s
gcp.logging.sink s
gcp.projectId s
gcp.resourceName s
gcp.resourceType s
gcp.resourceLabels s
gcp.storage.bucket s
gcp.time s
"""

/// The github plugin's fields (source `github`).
let githubFieldTable = """
github.type s
github.action s
github.user s
github.owner s
github.repo s
github.org s
github.collaborator.name s
github.collaborator.role s
github.webhook.id s
github.webhook.type s
github.commit.modified s
github.diff.has_secrets b
github.diff.committed_secrets.desc s
github.diff.committed_secrets.files s
github.diff.committed_secrets.lines s
github.diff.committed_secrets.links s
github.workflow.has_miners b
github.workflow.miners_type s
github.workflow.filename s
github.repo.name s
github.repo.url s
github.repo.public s
"""

/// The okta plugin's fields (source `okta`).
let oktaFieldTable = """
okta.app s
okta.evt.type s
okta.evt.legacytype s
okta.severity s
okta.message s
okta.actor.id s
okta.actor.alternateid s
okta.actor.name s
okta.client.zone s
okta.client.ip s
okta.client.device s
okta.client.id s
okta.client.geo.city s
okta.client.geo.state s
okta.client.geo.country s
okta.client.geo.postalcode s
okta.client.geo.lat d
okta.client.geo.lon d
okta.useragent.os s
okta.useragent.browser s
okta.useragent.raw s
okta.result s
okta.reason s
okta.transaction.id s
okta.transaction.type s
okta.requesturi s
okta.principal.id s
okta.principal.alternateid s
okta.principal.type s
okta.principal.name s
okta.authentication.step i
okta.authentication.sessionid s
okta.authentication.provider s
okta.authentication.credentialprovider s
okta.authentication.credentialtype s
okta.authentication.externalsessionid s
okta.authentication.interface s
okta.security.asn s
okta.security.asorg s
okta.security.isp s
okta.security.domain s
okta.target.user.id s
okta.target.user.alternateid s
okta.target.user.name s
okta.target.group.id s
okta.target.group.alternateid s
okta.target.group.name s
okta.target.app.id s
okta.target.app.alternateid s
okta.target.app.name s
okta.mfa.failure.countlast i r
okta.mfa.deny.countlast i r
"""
