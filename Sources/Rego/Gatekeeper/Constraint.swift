import PalisadeCore

/// A Gatekeeper Constraint: an instance of a template's kind with
/// `spec.match` and `spec.parameters`.
public struct Constraint: Sendable {
    public var kind: String
    public var name: String
    /// `spec.parameters`, given to the Rego as `input.parameters` (`{}` when absent).
    public var parameters: Value
    public var match: ConstraintMatch
    public var enforcementAction: String
    public var file: String

    public init(_ document: Value, file: String) throws {
        self.file = file
        guard let kind = document["kind"]?.stringValue, !kind.isEmpty else {
            throw GatekeeperError("constraint has no kind", file: file)
        }
        self.kind = kind
        name = document.gatekeeperPath("metadata", "name")?.stringValue ?? ""
        let spec = document["spec"] ?? .emptyObject
        parameters = spec["parameters"] ?? .emptyObject
        if case .null = parameters { parameters = .emptyObject }
        match = try ConstraintMatch(spec["match"] ?? .emptyObject, file: file)
        enforcementAction = spec["enforcementAction"]?.stringValue ?? "deny"
    }
}
