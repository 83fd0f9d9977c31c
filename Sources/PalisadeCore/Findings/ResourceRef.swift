/// The Kubernetes resource (or other object) a finding or alert concerns,
/// and where it was read from when it came from a manifest.
public struct ResourceRef: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// `group/version` or `v1`; empty when unknown.
    public var apiVersion: String
    public var kind: String
    /// Nil for cluster-scoped resources and for manifests that set none.
    public var namespace: String?
    public var name: String
    /// The manifest file (`-` for stdin) and the line its document starts on.
    public var file: String?
    public var line: Int?
    /// The Helm template the object was rendered from (its `# Source:` comment).
    public var template: String?

    public init(apiVersion: String = "", kind: String, namespace: String? = nil, name: String,
                file: String? = nil, line: Int? = nil, template: String? = nil) {
        self.apiVersion = apiVersion
        self.kind = kind
        self.namespace = namespace
        self.name = name
        self.file = file
        self.line = line
        self.template = template
    }

    /// The API group: the part of `apiVersion` before `/`, empty for the core group.
    public var group: String {
        guard let slash = apiVersion.firstIndex(of: "/") else { return "" }
        return String(apiVersion[..<slash])
    }

    /// `file:line` when the resource came from a manifest.
    public var location: SourceLocation? {
        guard let file else { return nil }
        return SourceLocation(file: file, line: line ?? 1, column: 1)
    }

    /// `Kind namespace/name`, or `Kind name` without a namespace.
    public var description: String {
        let qualified = namespace.map { "\($0)/\(name)" } ?? name
        return "\(kind) \(qualified)"
    }

    /// Identity without the source location: the same object read from a
    /// file or from a cluster has the same key.
    public var identityKey: String {
        [group, kind, namespace ?? "", name].joined(separator: "\u{1F}")
    }

    public static func < (lhs: ResourceRef, rhs: ResourceRef) -> Bool { lhs.sortKey.lexicographicallyPrecedes(rhs.sortKey) }

    private var sortKey: [String] {
        [namespace ?? "", kind, name, apiVersion, file ?? "", String(line ?? 0).findingsPadded(12), template ?? ""]
    }

    /// Deterministic JSON form; absent optional fields are left out.
    public func toValue() -> Value {
        var fields: [String: Value] = ["apiVersion": .string(apiVersion), "kind": .string(kind), "name": .string(name)]
        if let namespace { fields["namespace"] = .string(namespace) }
        if let file { fields["file"] = .string(file) }
        if let line { fields["line"] = .int(line) }
        if let template { fields["template"] = .string(template) }
        return .object(fields: fields)
    }
}

extension String {
    /// Left-pads with zeros so numeric strings sort by value.
    func findingsPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
