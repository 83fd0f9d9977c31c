import Foundation

/// `ka.*` extraction over one audit event, following the k8saudit plugin:
/// a missing value is nil (`<NA>`); list fields take an optional index
/// argument (`ka.req.pod.containers.image[0]`), ignored when not a number.
struct AuditExtractor {
    // A document and a node index rather than `AuditJSON` values: the common
    // fields then walk the node table without touching reference counts.
    let document: AuditJSONDocument
    let root: Int

    init(json: AuditJSON) {
        document = json.document
        root = json.index
    }

    var json: AuditJSON { AuditJSON(document, root) }

    func extract(_ kind: AuditField, argument: String?) -> FieldValue? {
        switch kind {
        case .auditID: return scalar("auditID")
        case .stage: return scalar("stage")
        case .authDecision: return scalar("annotations", "authorization.k8s.io/decision")
        case .authReason: return scalar("annotations", "authorization.k8s.io/reason")
        case .userName: return scalar("user", "username")
        case .userGroups: return list("user", "groups")
        case .impersonatedUser: return scalar("impersonatedUser", "username")
        case .verb: return scalar("verb")
        case .uri: return scalar("requestURI")
        case .uriParam: return argument.flatMap(uriParameter)
        case .targetName, .configMapName: return scalar("objectRef", "name")
        case .targetNamespace: return scalar("objectRef", "namespace")
        case .targetResource: return scalar("objectRef", "resource")
        case .targetSubresource: return scalar("objectRef", "subresource")
        case .targetPodName:
            guard let resource = path("objectRef", "resource", nil, nil),
                  document.string(document.nodes[resource], equals: "pods") else { return nil }
            return scalar("objectRef", "name")
        case .bindingSubjects: return list("requestObject", "subjects")
        case .bindingRole: return scalar("requestObject", "roleRef", "name")
        case .bindingSubjectHasName: return .string("true")
        case .configMapObject: return scalar("requestObject", "data")
        case .containersImage(let which): return strings(images(which, index(argument)))
        case .containersRepository(let which): return strings(images(which, index(argument))?.map(Self.repository))
        case .containerImage: return images(.containers, 0)?.first.map(FieldValue.string)
        case .containerRepository: return images(.containers, 0)?.first.map { .string(Self.repository($0)) }
        case .hostIPC: return scalar("requestObject", "spec", "hostIPC")
        case .hostNetwork: return scalar("requestObject", "spec", "hostNetwork")
        case .hostPID: return scalar("requestObject", "spec", "hostPID")
        case .containersHostPort: return strings(hostPorts(index(argument)))
        case .containersPrivileged(let which):
            return strings(containers(which, index(argument))?.compactMap { $0.value(at: "securityContext", "privileged")?.text })
        case .containerPrivileged:
            guard let all = containers(.containers, nil) else { return nil }
            let any = all.contains { $0.value(at: "securityContext", "privileged")?.bool == true }
            return .string(any ? "true" : "false")
        case .containersSecurity(let keys): return strings(containerValues(index(argument), ["securityContext"] + keys))
        case .containersEffective(let key): return strings(effective(key, index(argument)))
        case .podSecurity(let key): return scalar("requestObject", "spec", "securityContext", key)
        case .roleRules: return list("requestObject", "rules")
        case .roleRulesField(let key): return strings(ruleValues(key, index(argument)))
        case .serviceType: return scalar("requestObject", "spec", "type")
        case .servicePorts: return strings(array(["requestObject", "spec", "ports"], index(argument))?.map(\.text))
        case .volumeHostPath: return argument.flatMap(hasHostPath)
        case .volumesHostPath: return strings(volumeValues(index(argument), "hostPath", "path"))
        case .volumesFlexDriver: return strings(volumeValues(index(argument), "flexVolume", "driver"))
        case .volumesType: return strings(volumeTypes(index(argument)))
        case .responseName: return scalar("responseObject", "metadata", "name")
        case .responseCode: return scalar("responseStatus", "code")
        case .responseReason: return scalar("responseStatus", "reason")
        case .userAgent: return scalar("userAgent")
        case .sourceIPs: return list("sourceIPs")
        default: return nil
        }
    }

    // MARK: plugin helpers (extractFromKeys, getArray, arrayAsStrings)

    // Fixed arity instead of variadics: no array is built per extraction.
    func scalar(_ a: String, _ b: String? = nil, _ c: String? = nil, _ d: String? = nil) -> FieldValue? {
        path(a, b, c, d).map { .string(document.text($0)) }
    }

    func list(_ a: String, _ b: String? = nil) -> FieldValue? {
        guard let items = path(a, b, nil, nil).flatMap({ AuditJSON(document, $0).elements }) else { return nil }
        return .list(items.map { .string($0.text) })
    }

    /// The node index at keys `a`, `b`, `c`, `d` (those given) below the event.
    func path(_ a: String, _ b: String?, _ c: String?, _ d: String?) -> Int? {
        guard let first = document.member(a, inObjectAt: root) else { return nil }
        guard let b else { return first }
        guard let second = document.member(b, inObjectAt: first) else { return nil }
        guard let c else { return second }
        guard let third = document.member(c, inObjectAt: second) else { return nil }
        guard let d else { return third }
        return document.member(d, inObjectAt: third)
    }

    func nested(_ keys: [String]) -> AuditJSON? {
        var current = json
        for key in keys {
            guard let next = current[key] else { return nil }
            current = next
        }
        return current
    }

    func strings(_ values: [String]?) -> FieldValue? {
        values.map { .list($0.map(FieldValue.string)) }
    }

    /// A numeric argument selects one element; anything else selects all.
    func index(_ argument: String?) -> Int? {
        argument.flatMap { Int($0) }
    }

    func array(_ keys: [String], _ index: Int?) -> [AuditJSON]? {
        guard let items = nested(keys) else { return nil }
        guard let index else { return items.array }
        guard items.kind == .array else { return nil }
        return items.element(at: index).map { [$0] }
    }

    func containers(_ which: AuditField.ContainerList, _ index: Int?) -> [AuditJSON]? {
        array(["requestObject", "spec", which.rawValue], index)
    }

    /// Every selected container's `image`; nil when one has none.
    func images(_ which: AuditField.ContainerList, _ index: Int?) -> [String]? {
        guard let all = containers(which, index) else { return nil }
        var out: [String] = []
        for container in all {
            guard let image = container["image"] else { return nil }
            out.append(image.text)
        }
        return out
    }

    /// The image without tag and digest, split as the plugin does (first `:`, then `@`).
    static func repository(_ image: String) -> String {
        let beforeColon = image.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        return String(beforeColon.split(separator: "@", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
    }

    /// Values at `keys` in each container; nil when one lacks it.
    func containerValues(_ index: Int?, _ keys: [String]) -> [String]? {
        guard let all = containers(.containers, index) else { return nil }
        var out: [String] = []
        for container in all {
            guard let value = Self.walk(container, keys) else { return nil }
            if let items = value.elements, keys.last == "add" {
                out.append(contentsOf: items.map(\.text))
            } else {
                out.append(value.text)
            }
        }
        return out
    }

    func effective(_ key: String, _ index: Int?) -> [String]? {
        let podDefault = nested(["requestObject", "spec", "securityContext", key])?.text ?? "0"
        guard let all = containers(.containers, index) else { return nil }
        return all.map { Self.walk($0, ["securityContext", key])?.text ?? podDefault }
    }

    func hostPorts(_ index: Int?) -> [String]? {
        guard let all = containers(.containers, index) else { return nil }
        var out: [String] = []
        for container in all {
            guard let ports = container["ports"]?.elements else { continue }
            for port in ports {
                if let host = port["hostPort"] { out.append(host.text) } else if let own = port["containerPort"] { out.append(own.text) }
            }
        }
        return out
    }

    func ruleValues(_ key: String, _ index: Int?) -> [String]? {
        guard let rules = array(["requestObject", "rules"], index) else { return nil }
        var out: [String] = []
        for rule in rules {
            guard let items = rule[key]?.elements else { continue }
            for item in items where !item.isNull { out.append(item.text) }
        }
        return out
    }

    func volumeValues(_ index: Int?, _ keys: String...) -> [String]? {
        guard let volumes = array(["requestObject", "spec", "volumes"], index) else { return nil }
        return volumes.compactMap { Self.walk($0, keys)?.text }
    }

    func volumeTypes(_ index: Int?) -> [String]? {
        guard let volumes = array(["requestObject", "spec", "volumes"], index) else { return nil }
        var out: [String] = []
        for volume in volumes {
            guard let members = volume.members else { continue }
            out.append(contentsOf: members.map(\.key).filter { $0 != "name" })
        }
        return out
    }

    /// `ka.req.volume.hostpath[PATH]`: "true" when a hostPath volume is PATH
    /// (or starts with it, for a trailing `*`).
    func hasHostPath(_ argument: String) -> FieldValue? {
        guard let paths = volumeValues(nil, "hostPath", "path") else { return nil }
        let prefix = argument.hasSuffix("*") ? String(argument.dropLast()) : nil
        let found = paths.contains { path in prefix.map { path.hasPrefix($0) } ?? (path == argument) }
        return .string(found ? "true" : "false")
    }

    func uriParameter(_ name: String) -> FieldValue? {
        guard let uri = json["requestURI"]?.string, let components = URLComponents(string: uri) else { return nil }
        return components.queryItems?.first { $0.name == name }?.value.map(FieldValue.string)
    }

    static func walk(_ value: AuditJSON, _ keys: [String]) -> AuditJSON? {
        var current = value
        for key in keys {
            guard let next = current[key] else { return nil }
            current = next
        }
        return current
    }
}
