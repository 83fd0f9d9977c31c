/// The fields an audit event can extract, resolved once from the registry's
/// dense `FieldInfo.id`, so extraction is a switch on a small enum.
enum AuditField: Sendable {
    case eventNumber, eventTime, eventTimeISO8601, eventRawTime, eventSource, pluginName, pluginInfo
    case jsonValue, jsonObject, jsonRawTime
    case auditID, stage, authDecision, authReason, userName, userGroups, impersonatedUser, verb, uri, uriParam
    case targetName, targetNamespace, targetResource, targetSubresource, targetPodName
    case bindingSubjects, bindingRole, bindingSubjectHasName, configMapName, configMapObject
    case containersImage(ContainerList), containersRepository(ContainerList), containerImage, containerRepository
    case hostIPC, hostNetwork, hostPID
    case containersHostPort, containersPrivileged(ContainerList), containerPrivileged
    case containersSecurity([String]), containersEffective(String), podSecurity(String)
    case roleRules, roleRulesField(String), serviceType, servicePorts
    case volumeHostPath, volumesHostPath, volumesFlexDriver, volumesType
    case responseName, responseCode, responseReason, userAgent, sourceIPs

    /// `spec.containers`, `spec.initContainers` or `spec.ephemeralContainers`.
    enum ContainerList: String, Sendable {
        case containers, initContainers, ephemeralContainers
    }

    /// `table[FieldInfo.id]` for every field of the standard registry.
    static let table: [AuditField?] = {
        let registry = FieldRegistry.standard
        var table = [AuditField?](repeating: nil, count: registry.idCount)
        for (name, field) in byName {
            guard let info = registry.lookup(name), info.id < table.count else { continue }
            table[info.id] = field
        }
        return table
    }()

    static let byName: [String: AuditField] = {
        var map: [String: AuditField] = [
            "evt.num": .eventNumber, "evt.time": .eventTime, "evt.time.iso8601": .eventTimeISO8601,
            "evt.rawtime": .eventRawTime, "evt.source": .eventSource, "evt.pluginname": .pluginName,
            "evt.plugininfo": .pluginInfo,
            "json.value": .jsonValue, "jevt.value": .jsonValue, "json.obj": .jsonObject, "jevt.obj": .jsonObject,
            "json.rawtime": .jsonRawTime, "jevt.rawtime": .jsonRawTime,
            "ka.auditid": .auditID, "ka.stage": .stage, "ka.auth.decision": .authDecision,
            "ka.auth.reason": .authReason, "ka.user.name": .userName, "ka.user.groups": .userGroups,
            "ka.impuser.name": .impersonatedUser, "ka.verb": .verb, "ka.uri": .uri, "ka.uri.param": .uriParam,
            "ka.target.name": .targetName, "ka.target.namespace": .targetNamespace,
            "ka.target.resource": .targetResource, "ka.target.subresource": .targetSubresource,
            "ka.target.pod.name": .targetPodName,
            "ka.req.binding.subjects": .bindingSubjects, "ka.req.binding.role": .bindingRole,
            "ka.req.binding.subject.has_name": .bindingSubjectHasName,
            "ka.req.configmap.name": .configMapName, "ka.req.configmap.obj": .configMapObject,
            "ka.req.container.image": .containerImage, "ka.req.container.image.repository": .containerRepository,
            "ka.req.pod.host_ipc": .hostIPC, "ka.req.pod.host_network": .hostNetwork,
            "ka.req.container.host_network": .hostNetwork, "ka.req.pod.host_pid": .hostPID,
            "ka.req.container.host_pid": .hostPID,
            "ka.req.pod.containers.host_port": .containersHostPort, "ka.req.container.privileged": .containerPrivileged,
            "ka.req.pod.containers.allow_privilege_escalation": .containersSecurity(["allowPrivilegeEscalation"]),
            "ka.req.pod.containers.read_only_fs": .containersSecurity(["readOnlyRootFilesystem"]),
            "ka.req.pod.containers.run_as_user": .containersSecurity(["runAsUser"]),
            "ka.req.pod.containers.run_as_group": .containersSecurity(["runAsGroup"]),
            "ka.req.pod.containers.proc_mount": .containersSecurity(["procMount"]),
            "ka.req.pod.containers.add_capabilities": .containersSecurity(["capabilities", "add"]),
            "ka.req.pod.containers.eff_run_as_user": .containersEffective("runAsUser"),
            "ka.req.pod.containers.eff_run_as_group": .containersEffective("runAsGroup"),
            "ka.req.pod.run_as_user": .podSecurity("runAsUser"), "ka.req.pod.run_as_group": .podSecurity("runAsGroup"),
            "ka.req.pod.fs_group": .podSecurity("fsGroup"),
            "ka.req.pod.supplemental_groups": .podSecurity("supplementalGroups"),
            "ka.req.role.rules": .roleRules,
            "ka.req.role.rules.apiGroups": .roleRulesField("apiGroups"),
            "ka.req.role.rules.nonResourceURLs": .roleRulesField("nonResourceURLs"),
            "ka.req.role.rules.verbs": .roleRulesField("verbs"),
            "ka.req.role.rules.resources": .roleRulesField("resources"),
            "ka.req.service.type": .serviceType, "ka.req.service.ports": .servicePorts,
            "ka.req.volume.hostpath": .volumeHostPath, "ka.req.pod.volumes.hostpath": .volumesHostPath,
            "ka.req.pod.volumes.flexvolume_driver": .volumesFlexDriver,
            "ka.req.pod.volumes.volume_type": .volumesType,
            "ka.resp.name": .responseName, "ka.response.code": .responseCode,
            "ka.response.reason": .responseReason, "ka.useragent": .userAgent, "ka.sourceips": .sourceIPs,
        ]
        for list in [ContainerList.containers, .initContainers, .ephemeralContainers] {
            map["ka.req.pod.\(list.rawValue).image"] = .containersImage(list)
            map["ka.req.pod.\(list.rawValue).image.repository"] = .containersRepository(list)
            map["ka.req.pod.\(list.rawValue).privileged"] = .containersPrivileged(list)
        }
        return map
    }()
}
