import Foundation
import Kube
import NetPolicy
import PalisadeCore

/// kubernetes-sigs/network-policy-api conformance data (DIR: `netpol/network-policy-api`
/// with `v1alpha1/` and `v1alpha2/`, each holding `assertions.json` and `conformance/base/**`).
///
/// Each assertion is one probe: the cluster is simulated from `manifests.yaml`
/// plus the assertion's manifests (the Go template placeholders
/// `{{ index .HostNetworkPorts N }}` become port 34000+N), with every StatefulSet
/// replica a Pod of its own (`name-0`, `name-1`, ...) with an IP, spread over two
/// Linux nodes; host-network pods take their node's IP. The assertion's
/// `mutations_before` (Go statements) are interpreted in order; a statement of
/// a form the interpreter does not know fails the assertion. Then client → server
/// on the protocol and port must be allowed exactly when `expect_connect` says so.
struct ANPConformance: ConformanceSuite {
    static let versions = ["v1alpha1", "v1alpha2"]

    func units(_ options: ConformanceOptions) throws -> [ConformanceUnit] {
        try ConformanceSuites.checkDirectory(options.directory)
        var units: [ConformanceUnit] = []
        for version in Self.versions {
            let root = "\(options.directory)/\(version)"
            let data = try Data(contentsOf: URL(fileURLWithPath: "\(root)/assertions.json"))
            guard let document = try JSONSerialization.jsonObject(with: data) as? [String: Any],
                  let raw = document["assertions"] as? [[String: Any]] else {
                throw UsageError(description: "\(root)/assertions.json: expected {assertions: [...]}")
            }
            for assertion in ANPAssertion.read(raw, version: version, root: root) {
                let file = "\(version)/\(assertion.testFile)"
                guard options.selects(file, assertion.label) else { continue }
                units.append(ConformanceUnit(file: file, name: assertion.label, timeLimit: options.timeout + 30) {
                    [CaseResult(file: file, name: assertion.label, failure: assertion.judge())]
                })
            }
        }
        return units
    }
}

/// One `PokeServer` expectation with the context its test function gives it.
struct ANPAssertion: Sendable {
    var id: String
    var root: String
    var testFile: String
    var shortName: String
    var subtest: String
    var manifests: [String]
    var client: String
    var server: String
    var proto: String
    /// A port number, or the index into HostNetworkPorts.
    var port: Int
    var portIsHostNetworkIndex: Bool
    var expectConnect: Bool
    var mutations: [String]
    /// The longest mutation list of the same test function: every statement it runs.
    var functionMutations: [String]
    /// `serverPodX` variable → the pod it was bound to in the test function.
    var serverVariables: [String: String]

    var label: String {
        let portText = portIsHostNetworkIndex ? "HostNetworkPorts[\(port)]" : "\(port)"
        return "\(id) \(shortName): \(subtest): \(client) -> \(server) \(proto)/\(portText) expect \(expectConnect ? "connect" : "no connect")"
    }

    static func read(_ raw: [[String: Any]], version: String, root: String) -> [ANPAssertion] {
        var groups: [String: [[String: Any]]] = [:]
        for entry in raw { groups[groupKey(entry), default: []].append(entry) }
        return raw.map { entry in
            let group = groups[groupKey(entry)] ?? []
            let portValue = entry["port"]
            var port = portValue as? Int ?? 0
            var hostIndex = false
            if let expression = (portValue as? [String: Any])?["go_expr"] as? String,
               let index = ANPGoSyntax.hostNetworkPortIndex(expression) {
                port = index
                hostIndex = true
            }
            let lists = group.map { $0["mutations_before"] as? [String] ?? [] }
            return ANPAssertion(
                id: entry["id"] as? String ?? "?", root: root,
                testFile: entry["test_file"] as? String ?? "?", shortName: entry["short_name"] as? String ?? "?",
                subtest: entry["subtest"] as? String ?? "?", manifests: entry["manifests"] as? [String] ?? [],
                client: entry["client"] as? String ?? "", server: entry["server"] as? String ?? "",
                proto: entry["protocol"] as? String ?? "tcp", port: port, portIsHostNetworkIndex: hostIndex,
                expectConnect: entry["expect_connect"] as? Bool ?? false,
                mutations: entry["mutations_before"] as? [String] ?? [],
                functionMutations: lists.max { $0.count < $1.count } ?? [],
                serverVariables: serverBindings(group))
        }
    }

    private static func groupKey(_ entry: [String: Any]) -> String {
        "\(entry["test_file"] as? String ?? "")|\(entry["short_name"] as? String ?? "")"
    }

    /// A `serverPodX` variable names the server of the first probe that used it
    /// after the statement mentioning it ran.
    private static func serverBindings(_ group: [[String: Any]]) -> [String: String] {
        var result: [String: String] = [:]
        for entry in group {
            guard let variable = entry["server_var"] as? String, result[variable] == nil,
                  let server = entry["server"] as? String else { continue }
            let mutations = entry["mutations_before"] as? [String] ?? []
            if mutations.contains(where: { $0.contains("\(variable).") }) { result[variable] = server }
        }
        return result
    }

    func judge() -> String? {
        do {
            var cluster = try SimulatedCluster(loading: ["conformance/base/manifests.yaml"] + manifests, root: root)
            var interpreter = MutationInterpreter(cluster: cluster, shortName: shortName,
                                                  functionMutations: functionMutations, serverVariables: serverVariables)
            for statement in mutations { try interpreter.run(statement) }
            cluster = interpreter.cluster
            return try cluster.probe(from: client, to: server, proto: proto, port: resolvedPort, expect: expectConnect)
        } catch {
            return "\(error)"
        }
    }

    var resolvedPort: UInt32 { portIsHostNetworkIndex ? SimulatedCluster.hostNetworkPort(port) : UInt32(max(port, 0)) }
}

struct ANPFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// The objects of one test: policies and namespaces as editable values,
/// workloads expanded into pods with IPs on two nodes.
struct SimulatedCluster: Sendable {
    struct Object: Sendable {
        var value: Value
        var location: SourceLocation?
        /// The YAML lines of the object's document, for comments about it.
        var sourceText: String
        var kind: String { value["kind"]?.stringValue ?? "" }
        var name: String { value["metadata"]?["name"]?.stringValue ?? "" }
        /// From the assertion's own manifests (not the shared base).
        var isTestManifest: Bool
    }

    static let nodeNames = ["node-0", "node-1"]

    static func hostNetworkPort(_ index: Int) -> UInt32 { UInt32(34000 + max(index, 0)) }

    static func nodeIP(_ index: Int) -> String { "172.18.0.\(index + 2)" }

    var objects: [Object] = []
    /// `ns/pod` → IP.
    var podIPs: [String: String] = [:]

    init(loading paths: [String], root: String) throws {
        for (index, path) in paths.enumerated() {
            let text = try String(contentsOfFile: "\(root)/\(path)", encoding: .utf8)
            let rendered = ANPGoSyntax.renderHostNetworkPorts(text)
            let set = ManifestLoader().load(text: rendered, file: path)
            if let error = set.errors.first { throw ANPFailure("cannot read \(path): \(error)") }
            let lines = rendered.components(separatedBy: "\n")
            for object in set.objects {
                objects.append(Object(value: object.value, location: object.location,
                                      sourceText: Self.document(around: object.location?.line ?? 1, in: lines),
                                      isTestManifest: index > 0))
            }
        }
        expandWorkloads()
    }

    /// The lines of the YAML document that contains `line` (1-based).
    private static func document(around line: Int, in lines: [String]) -> String {
        var start = min(max(line - 1, 0), lines.count)
        while start > 0 && !lines[start - 1].hasPrefix("---") { start -= 1 }
        var end = start
        while end < lines.count && !(end > start && lines[end].hasPrefix("---")) { end += 1 }
        return lines[start..<end].joined(separator: "\n")
    }

    /// Replaces each workload by its replicas as Pods (`name-i`), and adds the nodes.
    private mutating func expandWorkloads() {
        var expanded: [Object] = []
        var workloadIndex = 0
        for object in objects {
            guard object.kind != "Pod", let kube = KubeObject(object.value, location: object.location),
                  let template = PodTemplates.podSpec(of: kube) else {
                expanded.append(object)
                continue
            }
            workloadIndex += 1
            let replicas = max(object.value["spec"]?["replicas"]?.intValue ?? 1, 0)
            for replica in 0..<replicas {
                let pod = self.pod(of: kube, template: template, replica: replica, workloadIndex: workloadIndex)
                expanded.append(Object(value: pod, location: object.location, sourceText: "", isTestManifest: object.isTestManifest))
            }
        }
        for (index, name) in Self.nodeNames.enumerated() {
            let node = Value.object(fields: [
                "apiVersion": .string("v1"), "kind": .string("Node"),
                "metadata": .object(fields: ["name": .string(name), "labels": .object(fields: [
                    "kubernetes.io/os": .string("linux"), "kubernetes.io/hostname": .string(name)])]),
                "status": .object(fields: ["addresses": .array([.object(fields: [
                    "type": .string("InternalIP"), "address": .string(Self.nodeIP(index))])])])])
            expanded.append(Object(value: node, location: nil, sourceText: "", isTestManifest: false))
        }
        objects = expanded
    }

    private mutating func pod(of workload: KubeObject, template: PodSpecView, replica: Int, workloadIndex: Int) -> Value {
        let name = "\(workload.name)-\(replica)"
        let namespace = workload.namespace ?? "default"
        let node = replica % Self.nodeNames.count
        let hostNetwork = template.spec["hostNetwork"]?.boolValue ?? false
        let ip = hostNetwork ? Self.nodeIP(node) : "10.244.\(workloadIndex).\(replica + 10)"
        podIPs["\(namespace)/\(name)"] = ip
        var spec = template.spec.objectValue ?? [:]
        spec[.string("nodeName")] = .string(Self.nodeNames[node])
        return .object(fields: [
            "apiVersion": .string("v1"), "kind": .string("Pod"),
            "metadata": .object(fields: ["name": .string(name), "namespace": .string(namespace),
                                         "labels": template.metadata["labels"] ?? .emptyObject]),
            "spec": .object(spec),
            "status": .object(fields: ["podIP": .string(ip), "podIPs": .array([.object(fields: ["ip": .string(ip)])])])])
    }

    /// Nil when the verdict for `client` → `server` matches `expect`, else why not.
    func probe(from client: String, to server: String, proto protoName: String, port: UInt32, expect: Bool) throws -> String? {
        let kubeObjects = objects.compactMap { KubeObject($0.value, location: $0.location) }
        let topology = TopologyBuilder().build(kubeObjects)
        if !topology.model.rejected.isEmpty {
            return "policy rejected: " + topology.model.rejected.map(\.reason).joined(separator: "; ")
        }
        func endpoint(_ qualified: String) throws -> Endpoint {
            guard let found = topology.endpoints.first(where: { "\($0.namespace ?? "")/\($0.name)" == qualified }) else {
                throw ANPFailure("no pod \(qualified) in the simulated cluster")
            }
            return found
        }
        guard let proto = IPProtocol(name: protoName) else { throw ANPFailure("unknown protocol \(protoName)") }
        let engine = ConnectivityEngine(topology: topology)
        let allowed = engine.allowed(from: try endpoint(client), to: try endpoint(server)).contains(proto, port: port)
        if allowed == expect { return nil }
        return "expected \(expect ? "connect" : "no connect"), got \(allowed ? "connect" : "no connect")"
    }
}

/// The Go forms the conformance data uses in `mutations_before` and `port`.
enum ANPGoSyntax {
    static func renderHostNetworkPorts(_ text: String) -> String {
        let pattern = try? NSRegularExpression(pattern: #"\{\{\s*index\s+\.HostNetworkPorts\s+(\d+)\s*\}\}"#)
        guard let pattern else { return text }
        var result = text
        let matches = pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)).reversed()
        for match in matches {
            guard let whole = Range(match.range, in: result), let digits = Range(match.range(at: 1), in: result),
                  let index = Int(result[digits]) else { continue }
            result.replaceSubrange(whole, with: String(SimulatedCluster.hostNetworkPort(index)))
        }
        return result
    }

    static func hostNetworkPortIndex(_ expression: String) -> Int? {
        captures(#"^s\.HostNetworkPorts\[(\d+)\]$"#, expression).flatMap { Int($0[0]) }
    }

    /// The capture groups of `pattern` matched against the whole of `text`.
    static func captures(_ pattern: String, _ text: String) -> [String]? {
        guard let regex = try? NSRegularExpression(pattern: pattern),
              let match = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) else { return nil }
        return (1..<match.numberOfRanges).map { i in
            Range(match.range(at: i), in: text).map { String(text[$0]) } ?? ""
        }
    }
}

/// Runs the Go statements of `mutations_before` on the simulated cluster.
/// Local variables hold copies (Go value semantics); a Patch call writes a
/// copy back to the object the test fetched.
///
/// The data does not say which object a test variable was fetched as, so:
/// `anp` / `banp` / `cnp` is the policy of that kind (for `cnp`, of the tier the
/// test name says) in the assertion's manifests, and when there are several,
/// the one whose YAML comments say the test updates it; `namespace` is the
/// namespace that carries one of the label sets the test function assigns;
/// `serverPodX` is the server of the first probe of the function that names
/// it after the statement using it. Anything else fails the assertion.
struct MutationInterpreter {
    var cluster: SimulatedCluster
    var shortName: String
    var functionMutations: [String]
    var serverVariables: [String: String]
    private var locals: [String: Value] = [:]

    init(cluster: SimulatedCluster, shortName: String, functionMutations: [String], serverVariables: [String: String]) {
        self.cluster = cluster
        self.shortName = shortName
        self.functionMutations = functionMutations
        self.serverVariables = serverVariables
    }

    private static let rulePath = #"(\w+)\.Spec\.(Ingress|Egress)\[(\d+)\]"#

    mutating func run(_ statement: String) throws {
        let s = statement.trimmingCharacters(in: .whitespaces)
        let rule = Self.rulePath
        if let c = ANPGoSyntax.captures(#"^(\w+) :?= (\w+)\.DeepCopy\(\)$"#, s) {
            locals[c[0]] = cluster.objects[try fetched(c[1])].value
        } else if let c = ANPGoSyntax.captures("^(\\w+) := \(rule)$", s) {
            locals[c[0]] = try ruleValue(c[1], c[2], c[3])
        } else if let c = ANPGoSyntax.captures("^\(rule) = \(rule)$", s) {
            try setRule(c[0], c[1], c[2], to: try ruleValue(c[3], c[4], c[5]))
        } else if let c = ANPGoSyntax.captures("^\(rule) = (\\w+)$", s) {
            guard let value = locals[c[3]] else { throw ANPFailure("mutation uses unknown variable \(c[3]): \(s)") }
            try setRule(c[0], c[1], c[2], to: value)
        } else if let c = ANPGoSyntax.captures("^\(rule)\\.Action = [\\w.]*RuleAction(\\w+)$", s) {
            var value = try ruleValue(c[0], c[1], c[2])
            value = try ANPValuePath.set(value, ["action"], to: .string(c[3]))
            try setRule(c[0], c[1], c[2], to: value)
        } else if let c = ANPGoSyntax.captures(#"^(\w+)\.Spec\.Priority = (\d+)$"#, s), let priority = Int(c[1]) {
            locals[c[0]] = try ANPValuePath.set(try local(c[0]), ["spec", "priority"], to: .int(priority))
        } else if let c = ANPGoSyntax.captures(#"^(\w+)\.SetLabels\(map\[string\]string\{(.*)\}\)$"#, s) {
            locals[c[0]] = try ANPValuePath.set(try local(c[0]), ["metadata", "labels"], to: try Self.labels(c[1], s))
        } else if let c = ANPGoSyntax.captures(#"^(\w+) := \[\][\w.]+Rule\{(.*)\}$"#, s) {
            locals[c[0]] = try ruleList(c[1], statement: s)
        } else if let c = ANPGoSyntax.captures(#"^(\w+)\.Spec\.(Ingress|Egress) = append\((\w+), (\w+)\.Spec\.(Ingress|Egress)\.\.\.\)$"#, s),
                  c[0] == c[3], c[1] == c[4] {
            let key = c[1].lowercased()
            let existing = try local(c[0])["spec"]?[key]?.arrayValue ?? []
            guard let added = try local(c[2]).arrayValue else { throw ANPFailure("\(c[2]) is not a rule list: \(s)") }
            locals[c[0]] = try ANPValuePath.set(try local(c[0]), ["spec", key], to: .array(added + existing))
        } else if let c = ANPGoSyntax.captures(#"^err = s\.Client\.Patch\(ctx, (\w+), client\.MergeFrom\((\w+)\)\)$"#, s) {
            cluster.objects[try fetched(c[1])].value = try local(c[0])
        } else if let c = ANPGoSyntax.captures(#"^kubernetes\.Patch\w+\(t, s\.Client, (\w+), (\w+), [\w.]+\)$"#, s) {
            cluster.objects[try fetched(c[0])].value = try local(c[1])
        } else {
            throw ANPFailure("cannot interpret mutation statement: \(s)")
        }
    }

    private func local(_ name: String) throws -> Value {
        guard let value = locals[name] else { throw ANPFailure("mutation uses unknown variable \(name)") }
        return value
    }

    private func ruleValue(_ variable: String, _ direction: String, _ index: String) throws -> Value {
        guard let i = Int(index), let list = try local(variable)["spec"]?[direction.lowercased()]?.arrayValue, i < list.count else {
            throw ANPFailure("\(variable).Spec.\(direction)[\(index)] does not exist")
        }
        return list[i]
    }

    private mutating func setRule(_ variable: String, _ direction: String, _ index: String, to value: Value) throws {
        guard let i = Int(index), var list = try local(variable)["spec"]?[direction.lowercased()]?.arrayValue, i < list.count else {
            throw ANPFailure("\(variable).Spec.\(direction)[\(index)] does not exist")
        }
        list[i] = value
        locals[variable] = try ANPValuePath.set(try local(variable), ["spec", direction.lowercased()], to: .array(list))
    }

    /// The object a test variable (`anp`, `banp`, `cnp`, `namespace`) was fetched as.
    private func fetched(_ variable: String) throws -> Int {
        let candidates: [Int]
        switch variable {
        case "anp": candidates = policies(kind: "AdminNetworkPolicy", tier: nil)
        case "banp": candidates = policies(kind: "BaselineAdminNetworkPolicy", tier: nil)
        case "cnp": candidates = policies(kind: "ClusterNetworkPolicy", tier: shortName.contains("BaselineTier") ? "Baseline" : "Admin")
        case "namespace": candidates = namespacesRelabelled()
        default: throw ANPFailure("mutation refers to \(variable), which the interpreter cannot bind to an object")
        }
        if candidates.count == 1, let only = candidates.first { return only }
        let annotated = candidates.filter { cluster.objects[$0].sourceText.contains("update") }
        if annotated.count == 1, let only = annotated.first { return only }
        throw ANPFailure("cannot tell which object \(variable) is: \(candidates.count) candidates")
    }

    private func policies(kind: String, tier: String?) -> [Int] {
        cluster.objects.indices.filter { i in
            let object = cluster.objects[i]
            return object.isTestManifest && object.kind == kind
                && (tier == nil || object.value["spec"]?["tier"]?.stringValue == tier)
        }
    }

    /// Namespaces that already carry one of the label sets the test function assigns.
    private func namespacesRelabelled() -> [Int] {
        let assigned = functionMutations.compactMap { statement in
            ANPGoSyntax.captures(#"^\w+\.SetLabels\(map\[string\]string\{(.*)\}\)$"#, statement)
                .flatMap { try? Self.labels($0[0], statement) }
        }
        return cluster.objects.indices.filter { i in
            let object = cluster.objects[i]
            guard object.kind == "Namespace" else { return false }
            let labels = object.value["metadata"]?["labels"] ?? .emptyObject
            return assigned.contains { set in
                set.objectValue?.allSatisfy { labels[$0.key.stringValue ?? ""] == $0.value } ?? false
            }
        }
    }

    /// `"k": "v", ...` of a Go map literal.
    static func labels(_ body: String, _ statement: String) throws -> Value {
        var fields: [String: Value] = [:]
        for pair in body.split(separator: ",") where !pair.trimmingCharacters(in: .whitespaces).isEmpty {
            guard let c = ANPGoSyntax.captures(#"^\s*"([^"]*)"\s*:\s*"([^"]*)"\s*$"#, String(pair)) else {
                throw ANPFailure("cannot read the label map of: \(statement)")
            }
            fields[c[0]] = .string(c[1])
        }
        return .object(fields: fields)
    }

    /// A rule-list literal whose rules have Name, Action and To/From peers with Networks
    /// of pod IPs (`serverPodX.Status.PodIP + mask`).
    private func ruleList(_ body: String, statement: String) throws -> Value {
        let fieldNames = Set(Self.all(#"(\w+):\s"#, body))
        let known: Set<String> = ["Name", "Action", "To", "From", "Networks"]
        guard fieldNames.isSubset(of: known) else {
            throw ANPFailure("cannot interpret rule literal fields \(fieldNames.subtracting(known).sorted()): \(statement)")
        }
        guard let name = ANPGoSyntax.captures(#"Name:\s*"([^"]*)""#, body)?.first,
              let action = ANPGoSyntax.captures(#"Action:\s*"(\w+)""#, body)?.first else {
            throw ANPFailure("rule literal without Name and Action: \(statement)")
        }
        let cidrs = try Self.all(#"CIDR\((\w+)\.Status\.PodIP \+ mask\)"#, body).map { variable -> Value in
            guard let pod = serverVariables[variable], let ip = cluster.podIPs[pod] else {
                throw ANPFailure("cannot tell which pod \(variable) is: \(statement)")
            }
            return .string("\(ip)/32")
        }
        let peerKey = fieldNames.contains("From") ? "from" : "to"
        let peer = Value.object(fields: ["networks": .array(cidrs)])
        return .array([.object(fields: ["name": .string(name), "action": .string(action), peerKey: .array([peer])])])
    }

    private static func all(_ pattern: String, _ text: String) -> [String] {
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return [] }
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { match in
            Range(match.range(at: 1), in: text).map { String(text[$0]) }
        }
    }
}

/// Replacing a field deep inside a value.
enum ANPValuePath {
    static func set(_ value: Value, _ path: [String], to newValue: Value) throws -> Value {
        guard let key = path.first else { return newValue }
        guard case .object(var fields) = value else { throw ANPFailure("cannot set \(path.joined(separator: ".")) on a \(value.typeName)") }
        let child = fields[.string(key)] ?? .emptyObject
        fields[.string(key)] = try set(child, Array(path.dropFirst()), to: newValue)
        return .object(fields)
    }
}
