import PalisadeCore

/// A Gatekeeper `ConstraintTemplate` (templates.gatekeeper.sh v1, v1beta1,
/// v1alpha1): the Rego of its admission target and the Constraint kind it defines.
public struct ConstraintTemplate: Sendable {
    public var name: String
    /// The kind of the Constraints this template defines (`spec.crd.spec.names.kind`).
    public var constraintKind: String
    /// The main Rego module (v0 syntax).
    public var rego: String
    /// Extra modules, usually packages `lib.*`.
    public var libs: [String]
    /// Things that were ignored, e.g. a K8sNativeValidation (CEL) engine entry.
    public var notices: [String]
    public var file: String

    public init(_ document: Value, file: String) throws {
        self.file = file
        guard document["kind"]?.stringValue == "ConstraintTemplate" else {
            throw GatekeeperError("expected kind ConstraintTemplate, found \(document["kind"]?.stringValue ?? "none")", file: file)
        }
        name = document.gatekeeperPath("metadata", "name")?.stringValue ?? ""
        guard let kind = document.gatekeeperPath("spec", "crd", "spec", "names", "kind")?.stringValue, !kind.isEmpty else {
            throw GatekeeperError("ConstraintTemplate \(name) has no spec.crd.spec.names.kind", file: file)
        }
        constraintKind = kind
        guard let targets = document.gatekeeperPath("spec", "targets")?.arrayValue, let target = targets.first else {
            throw GatekeeperError("ConstraintTemplate \(name) has no spec.targets", file: file)
        }
        if targets.count > 1 {
            throw GatekeeperError("ConstraintTemplate \(name) has \(targets.count) targets; Gatekeeper supports exactly one", file: file)
        }
        var notices: [String] = []
        var source = Self.regoSource(target, notices: &notices)
        if source == nil, let rego = target["rego"]?.stringValue {
            source = (rego, target.gatekeeperStrings("libs"))
        }
        guard let (rego, libs) = source, !rego.isEmpty else {
            throw GatekeeperError("ConstraintTemplate \(name) has no Rego (spec.targets[0].rego or a code entry with engine Rego)", file: file)
        }
        self.rego = rego
        self.libs = libs
        self.notices = notices
    }

    /// The Rego of `targets[0]`: the `rego` field, else a `code[]` entry with
    /// `engine: Rego`. Other engines are noted and skipped.
    private static func regoSource(_ target: Value, notices: inout [String]) -> (String, [String])? {
        var found: (String, [String])?
        if let rego = target["rego"]?.stringValue {
            found = (rego, target.gatekeeperStrings("libs"))
        }
        for entry in target["code"]?.arrayValue ?? [] {
            let engine = entry["engine"]?.stringValue ?? ""
            if engine == "Rego" {
                if found == nil, let rego = entry.gatekeeperPath("source", "rego")?.stringValue {
                    found = (rego, entry["source"]?.gatekeeperStrings("libs") ?? [])
                }
            } else {
                notices.append("ignoring code engine \(engine.isEmpty ? "(none)" : engine): only Rego is evaluated")
            }
        }
        return found
    }
}
