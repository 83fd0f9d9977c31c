import PalisadeCore

/// A Kubernetes label selector (`matchLabels` and `matchExpressions`).
/// The empty selector matches everything.
public struct LabelSelector: Sendable, Hashable {
    public enum Operator: String, Sendable, Hashable {
        case `in` = "In", notIn = "NotIn", exists = "Exists", doesNotExist = "DoesNotExist"
    }

    public struct Requirement: Sendable, Hashable {
        public var key: String
        public var op: Operator
        public var values: [String]

        public init(key: String, op: Operator, values: [String] = []) {
            self.key = key
            self.op = op
            self.values = values
        }

        public func matches(_ labels: [String: String]) -> Bool {
            switch op {
            case .in: return labels[key].map(values.contains) ?? false
            case .notIn: return labels[key].map { !values.contains($0) } ?? true
            case .exists: return labels[key] != nil
            case .doesNotExist: return labels[key] == nil
            }
        }
    }

    public var matchLabels: [String: String]
    public var matchExpressions: [Requirement]

    public init(matchLabels: [String: String] = [:], matchExpressions: [Requirement] = []) {
        self.matchLabels = matchLabels
        self.matchExpressions = matchExpressions
    }

    public static let everything = LabelSelector()

    public var isEmpty: Bool { matchLabels.isEmpty && matchExpressions.isEmpty }

    public func matches(_ labels: [String: String]) -> Bool {
        for (key, value) in matchLabels where labels[key] != value { return false }
        for requirement in matchExpressions where !requirement.matches(labels) { return false }
        return true
    }

    /// Reads a selector object, validating keys, values and operators as the
    /// API server does. `path` names the field in errors.
    public init(parsing value: Value, path: String, at location: SourceLocation?) throws {
        guard case .object = value else {
            throw InputError("selector error: \(path) must be an object, found \(value.typeName)", at: location)
        }
        try KnownFields.check(value, allowed: ["matchLabels", "matchExpressions"], field: path, at: location)
        var labels: [String: String] = [:]
        if let raw = value["matchLabels"], raw != .null {
            guard let object = raw.objectValue else {
                throw InputError("selector error: \(path).matchLabels must be an object", at: location)
            }
            for (k, v) in object {
                guard let key = k.stringValue, let text = v.stringValue else {
                    throw InputError("selector error: \(path).matchLabels values must be strings", at: location)
                }
                try LabelSyntax.checkKey(key, field: "\(path).matchLabels", at: location)
                try LabelSyntax.checkValue(text, field: "\(path).matchLabels[\(key)]", at: location)
                labels[key] = text
            }
        }
        var requirements: [Requirement] = []
        if let raw = value["matchExpressions"], raw != .null {
            guard let list = raw.arrayValue else {
                throw InputError("selector error: \(path).matchExpressions must be a list", at: location)
            }
            for (index, entry) in list.enumerated() {
                requirements.append(try Self.requirement(entry, field: "\(path).matchExpressions[\(index)]", at: location))
            }
        }
        self.init(matchLabels: labels, matchExpressions: requirements)
    }

    private static func requirement(_ entry: Value, field: String, at location: SourceLocation?) throws -> Requirement {
        try KnownFields.check(entry, allowed: ["key", "operator", "values"], field: field, at: location)
        guard let key = entry["key"]?.stringValue else {
            throw InputError("selector error: \(field).key is required", at: location)
        }
        try LabelSyntax.checkKey(key, field: "\(field).key", at: location)
        guard let opText = entry["operator"]?.stringValue, let op = Operator(rawValue: opText) else {
            let found = entry["operator"]?.stringValue ?? "nothing"
            throw InputError("selector error: \(field).operator: \"\(found)\" is not a valid label selector operator", at: location)
        }
        let values = try (entry["values"]?.arrayValue ?? []).map { v -> String in
            guard let s = v.stringValue else {
                throw InputError("selector error: \(field).values must be strings", at: location)
            }
            try LabelSyntax.checkValue(s, field: "\(field).values", at: location)
            return s
        }
        let needsValues = op == .in || op == .notIn
        if needsValues && values.isEmpty {
            throw InputError("selector error: \(field).values: for 'in', 'notin' operators, values set can't be empty", at: location)
        }
        if !needsValues && !values.isEmpty {
            throw InputError("selector error: \(field).values: values set must be empty for exists and does not exist", at: location)
        }
        return Requirement(key: key, op: op, values: values)
    }
}

extension LabelSelector: CustomStringConvertible {
    /// `app=web,tier in (a,b)`: the form `kubectl` prints.
    public var description: String {
        var parts = matchLabels.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        for r in matchExpressions {
            switch r.op {
            case .in: parts.append("\(r.key) in (\(r.values.sorted().joined(separator: ",")))")
            case .notIn: parts.append("\(r.key) notin (\(r.values.sorted().joined(separator: ",")))")
            case .exists: parts.append(r.key)
            case .doesNotExist: parts.append("!\(r.key)")
            }
        }
        return parts.joined(separator: ",")
    }
}

/// Kubernetes label key and value syntax.
enum LabelSyntax {
    /// `[prefix/]name`: name ≤ 63 of `[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?`, prefix a DNS subdomain.
    static func checkKey(_ key: String, field: String, at location: SourceLocation?) throws {
        let parts = key.split(separator: "/", omittingEmptySubsequences: false)
        let name: Substring
        switch parts.count {
        case 1: name = parts[0]
        case 2:
            guard isDNSSubdomain(parts[0]) else {
                throw InputError("selector error: \(field): key: Invalid value: \"\(key)\": prefix part must be a DNS subdomain", at: location)
            }
            name = parts[1]
        default:
            throw InputError("selector error: \(field): key: Invalid value: \"\(key)\": a qualified name must have at most one '/'", at: location)
        }
        guard isQualifiedName(name) else {
            throw InputError("selector error: \(field): key: Invalid value: \"\(key)\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character", at: location)
        }
    }

    static func checkValue(_ value: String, field: String, at location: SourceLocation?) throws {
        guard value.isEmpty || isQualifiedName(Substring(value)) else {
            throw InputError("selector error: \(field): values: Invalid value: \"\(value)\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character", at: location)
        }
    }

    static func isQualifiedName(_ s: Substring) -> Bool {
        guard !s.isEmpty, s.utf8.count <= 63, let first = s.utf8.first, let last = s.utf8.last,
              isAlnum(first), isAlnum(last) else { return false }
        return s.utf8.allSatisfy { isAlnum($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ".") }
    }

    static func isDNSSubdomain(_ s: Substring) -> Bool {
        guard !s.isEmpty, s.utf8.count <= 253 else { return false }
        return s.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { label in
            guard let first = label.utf8.first, let last = label.utf8.last else { return false }
            let lower = { (c: UInt8) in (c >= 97 && c <= 122) || (c >= 48 && c <= 57) }
            return lower(first) && lower(last) && label.utf8.allSatisfy { lower($0) || $0 == UInt8(ascii: "-") }
        }
    }

    private static func isAlnum(_ c: UInt8) -> Bool {
        (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)
    }
}
