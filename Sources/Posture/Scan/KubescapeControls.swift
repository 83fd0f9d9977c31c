import Kube
import PalisadeCore

/// Kubescape regolibrary rules run unchanged as scan controls
/// (`palisade scan --kubescape DIR`): DIR is a regolibrary checkout with
/// `rules/<name>/{rule.metadata.json,raw.rego}`, and optionally `deps/` and
/// `default-config-inputs.json`. Each rule becomes control `KS-<name>`; it
/// applies to the kinds its metadata's `match` lists, an object of those kinds
/// fails when a response names it in `alertObject.k8sApiObjects`, and passes
/// otherwise. Rule metadata carries no severity, so findings are `medium`.
public struct KubescapeControls: Sendable {
    struct LoadedRule: Sendable {
        var info: ControlInfo
        var engine: KubescapeRuleEngine
    }

    let rules: [LoadedRule]
    let inputs: KubescapeControlInputs

    public var controls: [ControlInfo] { rules.map(\.info) }

    public init(directory: String) throws {
        let rulesDirectory = KubescapeFiles.join(directory, "rules")
        guard KubescapeFiles.isDirectory(rulesDirectory) else {
            throw KubescapeError("\(directory): no rules/ directory (expected a Kubescape regolibrary checkout)")
        }
        let depsDirectory = KubescapeFiles.join(directory, "deps")
        let modules = KubescapeFiles.isDirectory(depsDirectory) ? try KubescapeDependencies.load(from: depsDirectory) : []
        let config = KubescapeFiles.join(directory, "default-config-inputs.json")
        inputs = KubescapeFiles.isFile(config) ? try KubescapeControlInputs.load(configFile: config) : KubescapeControlInputs()
        var loaded: [LoadedRule] = []
        for entry in try KubescapeFiles.sortedEntries(rulesDirectory) {
            let ruleDirectory = KubescapeFiles.join(rulesDirectory, entry)
            guard KubescapeFiles.isFile(KubescapeFiles.join(ruleDirectory, "rule.metadata.json")) else { continue }
            let rule = try KubescapeRule.load(directory: ruleDirectory)
            loaded.append(LoadedRule(info: Self.info(for: rule), engine: try KubescapeRuleEngine(rule: rule, modules: modules)))
        }
        rules = loaded
    }

    static func info(for rule: KubescapeRule) -> ControlInfo {
        var kinds: [String] = []
        for match in rule.metadata["match"]?.arrayValue ?? [] {
            for resource in match["resources"]?.arrayValue ?? [] { if let kind = resource.stringValue { kinds.append(kind) } }
        }
        let description = rule.metadata["description"]?.stringValue ?? ""
        return ControlInfo(id: "KS-" + rule.name, title: rule.name, description: description, severity: .medium,
                           remediation: rule.metadata["remediation"]?.stringValue ?? "", kinds: Array(Set(kinds)).sorted(),
                           references: ["Kubescape regolibrary rule \(rule.name)"])
    }

    /// Outcomes per object, in the shape the Rego scanner gives; a rule that
    /// fails to evaluate is reported as an error on every object it applies to.
    public func evaluate(_ objects: [KubeObject], keeping ids: Set<String>? = nil) -> [ObjectEvaluation] {
        var evaluations = objects.indices.map { ObjectEvaluation(object: $0, outcomes: []) }
        let values = objects.map(\.value)
        for rule in rules where ids?.contains(rule.info.id) ?? true {
            let applicable = objects.indices.filter { rule.info.kinds.contains(objects[$0].kind) }
            guard !applicable.isEmpty else { continue }
            let failures: [ObjectIdentity: [ControlViolation]]
            do {
                failures = Self.failures(try rule.engine.evaluate(objects: values, inputs: inputs).responses)
            } catch {
                for index in applicable { evaluations[index].outcomes.append((rule.info.id, .error("\(error)"))) }
                continue
            }
            for index in applicable {
                let found = failures[ObjectIdentity(objects[index].value)] ?? []
                evaluations[index].outcomes.append((rule.info.id, found.isEmpty ? .passed : .failed(found)))
            }
        }
        return evaluations
    }

    private static func failures(_ responses: [KubescapeRuleResponse]) -> [ObjectIdentity: [ControlViolation]] {
        var failures: [ObjectIdentity: [ControlViolation]] = [:]
        for response in responses {
            let path = response.failedPaths?.first ?? response.reviewPaths?.first ?? response.fixPaths?.first?.path
            for object in response.k8sApiObjects ?? [] {
                failures[ObjectIdentity(object), default: []].append(ControlViolation(message: response.alertMessage, path: path))
            }
        }
        return failures
    }

    /// Kind, namespace and name: how a response names the object it failed.
    struct ObjectIdentity: Hashable {
        var kind: String
        var namespace: String
        var name: String

        init(_ object: Value) {
            kind = object["kind"]?.stringValue ?? ""
            namespace = object["metadata"]?["namespace"]?.stringValue ?? ""
            name = object["metadata"]?["name"]?.stringValue ?? ""
        }
    }
}
