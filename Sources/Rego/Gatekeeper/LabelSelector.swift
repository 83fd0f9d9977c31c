import PalisadeCore

/// A Kubernetes label selector: `matchLabels` and `matchExpressions`
/// (In, NotIn, Exists, DoesNotExist). All requirements must hold.
public struct LabelSelector: Sendable, Equatable {
    public struct Requirement: Sendable, Equatable {
        public enum Operator: String, Sendable { case `in` = "In", notIn = "NotIn", exists = "Exists", doesNotExist = "DoesNotExist" }
        public var key: String
        public var op: Operator
        public var values: [String]
    }

    public var requirements: [Requirement]

    public init(_ value: Value, file: String) throws {
        var requirements: [Requirement] = []
        if let labels = value["matchLabels"]?.objectValue {
            for (key, v) in labels.sorted(by: { $0.key < $1.key }) {
                guard let k = key.stringValue, let s = v.stringValue else {
                    throw GatekeeperError("matchLabels must map strings to strings", file: file)
                }
                requirements.append(Requirement(key: k, op: .in, values: [s]))
            }
        }
        for expression in value["matchExpressions"]?.arrayValue ?? [] {
            guard let key = expression["key"]?.stringValue else {
                throw GatekeeperError("matchExpressions entry has no key", file: file)
            }
            let name = expression["operator"]?.stringValue ?? ""
            guard let op = Requirement.Operator(rawValue: name) else {
                throw GatekeeperError("matchExpressions operator \"\(name)\" is not one of In, NotIn, Exists, DoesNotExist", file: file)
            }
            let values = expression.gatekeeperStrings("values")
            if (op == .in || op == .notIn) && values.isEmpty {
                throw GatekeeperError("matchExpressions \(key) \(name) needs values", file: file)
            }
            requirements.append(Requirement(key: key, op: op, values: values))
        }
        self.requirements = requirements
    }

    public func matches(_ labels: [String: String]) -> Bool {
        requirements.allSatisfy { r in
            switch r.op {
            case .in: return labels[r.key].map(r.values.contains) ?? false
            case .notIn: return labels[r.key].map { !r.values.contains($0) } ?? true
            case .exists: return labels[r.key] != nil
            case .doesNotExist: return labels[r.key] == nil
            }
        }
    }

    /// `metadata.labels` of an object as strings.
    public static func labels(of object: Value?) -> [String: String] {
        var result: [String: String] = [:]
        for (k, v) in object?.gatekeeperPath("metadata", "labels")?.objectValue ?? [:] {
            if let key = k.stringValue, let value = v.stringValue { result[key] = value }
        }
        return result
    }
}
