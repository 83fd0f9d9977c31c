import PalisadeCore

/// `spec.match` of a Constraint: decides whether an object is reviewed at all.
public struct ConstraintMatch: Sendable {
    public struct KindSelector: Sendable {
        public var apiGroups: [String]
        public var kinds: [String]
    }

    public enum Scope: String, Sendable { case all = "*", cluster = "Cluster", namespaced = "Namespaced" }

    public var kinds: [KindSelector]
    public var namespaces: [String]
    public var excludedNamespaces: [String]
    public var labelSelector: LabelSelector?
    public var namespaceSelector: LabelSelector?
    public var scope: Scope
    public var name: String?

    public init(_ value: Value, file: String) throws {
        kinds = (value["kinds"]?.arrayValue ?? []).map {
            KindSelector(apiGroups: $0.gatekeeperStrings("apiGroups"), kinds: $0.gatekeeperStrings("kinds"))
        }
        namespaces = value.gatekeeperStrings("namespaces")
        excludedNamespaces = value.gatekeeperStrings("excludedNamespaces")
        labelSelector = try value["labelSelector"].map { try LabelSelector($0, file: file) }
        namespaceSelector = try value["namespaceSelector"].map { try LabelSelector($0, file: file) }
        let scopeText = value["scope"]?.stringValue ?? "*"
        guard let scope = Scope(rawValue: scopeText) else {
            throw GatekeeperError("match.scope \"\(scopeText)\" is not one of *, Cluster, Namespaced", file: file)
        }
        self.scope = scope
        name = value["name"]?.stringValue
    }

    /// Whether the constraint applies to `review`. `namespace` is the
    /// Namespace object of a namespaced object, when known (for namespaceSelector).
    public func matches(_ review: AdmissionReviewRequest, namespace: Value?) -> Bool {
        let object = review.matchObject
        let isNamespace = review.kind.group.isEmpty && review.kind.kind == "Namespace"
        let namespaceName = isNamespace ? review.name : review.namespace
        let clusterScoped = !isNamespace && review.namespace.isEmpty
        guard kindMatches(review.kind) else { return false }
        switch scope {
        case .all: break
        case .cluster: if !review.namespace.isEmpty { return false }
        case .namespaced: if review.namespace.isEmpty { return false }
        }
        if !clusterScoped {
            if !namespaces.isEmpty, !namespaces.contains(where: { Self.glob($0, namespaceName) }) { return false }
            if excludedNamespaces.contains(where: { Self.glob($0, namespaceName) }) { return false }
        }
        if let name, !Self.glob(name, review.name) { return false }
        if let labelSelector, !labelSelector.matches(LabelSelector.labels(of: object)) {
            if let old = review.oldObject, labelSelector.matches(LabelSelector.labels(of: old)) {} else { return false }
        }
        if let namespaceSelector, !clusterScoped {
            let nsObject = isNamespace ? object : namespace
            guard let nsObject, namespaceSelector.matches(LabelSelector.labels(of: nsObject)) else { return false }
        }
        return true
    }

    private func kindMatches(_ gvk: GroupVersionKind) -> Bool {
        if kinds.isEmpty { return true }
        return kinds.contains { selector in
            let kindOK = selector.kinds.isEmpty || selector.kinds.contains("*") || selector.kinds.contains(gvk.kind)
            let groupOK = selector.apiGroups.isEmpty || selector.apiGroups.contains("*") || selector.apiGroups.contains(gvk.group)
            return kindOK && groupOK
        }
    }

    /// Gatekeeper's name globs: exact, `prefix*` or `*suffix`.
    static func glob(_ pattern: String, _ name: String) -> Bool {
        if pattern.hasSuffix("*") { return name.hasPrefix(pattern.dropLast()) }
        if pattern.hasPrefix("*") { return name.hasSuffix(pattern.dropFirst()) }
        return pattern == name
    }
}
