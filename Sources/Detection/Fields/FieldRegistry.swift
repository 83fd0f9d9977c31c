/// The fields the filter compiler knows, per event source. `standard` holds
/// libsinsp's syscall fields and the fields of the official plugins
/// (container, k8saudit, json, cloudtrail, gcpaudit, github, okta).
public struct FieldRegistry: Sendable {
    private var fields: [String: FieldInfo] = [:]
    /// Name prefixes whose suffix is an argument (`evt.arg.flags`).
    private var dynamicPrefixes: [String: FieldInfo] = [:]

    public init() {}

    /// The registry of every built-in source.
    public static let standard: FieldRegistry = {
        var registry = FieldRegistry()
        registry.add(table: commonFieldTable, sources: nil)
        registry.add(table: syscallFieldTable, sources: ["syscall"])
        registry.add(table: k8sAuditFieldTable, sources: ["k8s_audit"])
        registry.add(table: cloudtrailFieldTable, sources: ["aws_cloudtrail"])
        registry.add(table: gcpAuditFieldTable, sources: ["gcp_auditlog"])
        registry.add(table: githubFieldTable, sources: ["github"])
        registry.add(table: oktaFieldTable, sources: ["okta"])
        registry.add(table: jsonFieldTable, sources: ["k8s_audit", "aws_cloudtrail", "gcp_auditlog", "github", "okta"])
        for name in ["evt.arg", "evt.rawarg"] {
            guard let base = registry.fields[name] else { continue }
            registry.dynamicPrefixes[name + "."] = base
        }
        return registry
    }()

    /// The sources that have at least one field of their own.
    public var sources: Set<String> {
        var all: Set<String> = []
        for info in fields.values { all.formUnion(info.sources ?? []) }
        return all
    }

    /// Adds or replaces one field.
    public mutating func add(_ info: FieldInfo) {
        var info = info
        if var existing = fields[info.name], let old = existing.sources, let new = info.sources,
           existing.type == info.type {
            existing.sources = old.union(new)
            fields[info.name] = existing
            return
        }
        info.id = fields[info.name]?.id ?? fields.count
        fields[info.name] = info
    }

    /// The number of ids handed out (an upper bound for `FieldInfo.id`).
    public var idCount: Int { fields.count }

    /// Adds every line of a field table ("name type [o|r] [L]").
    mutating func add(table: String, sources: Set<String>?) {
        for line in table.split(separator: "\n") {
            let parts = line.split(separator: " ").map(String.init)
            guard parts.count >= 2, let type = FieldType(code: parts[1]) else { continue }
            let argument: FieldArgument = parts.contains("r") ? .required : parts.contains("o") ? .optional : .none
            add(FieldInfo(name: parts[0], type: type, argument: argument,
                          isList: parts.contains("L"), sources: sources))
        }
    }

    /// The field named `name` in any source.
    public func lookup(_ name: String) -> FieldInfo? {
        if let info = fields[name] { return info }
        return dynamicField(name)?.info
    }

    /// Resolves a field reference; a dynamic name (`evt.arg.flags`) becomes
    /// the base field with the suffix as argument.
    public func resolve(_ name: String, argument: String?) -> FieldRef? {
        if let info = fields[name] { return FieldRef(name: name, argument: argument, info: info) }
        guard argument == nil, let (info, suffix) = dynamicField(name) else { return nil }
        return FieldRef(name: name, argument: suffix, info: info)
    }

    private func dynamicField(_ name: String) -> (info: FieldInfo, suffix: String)? {
        for (prefix, info) in dynamicPrefixes where name.hasPrefix(prefix) && name.count > prefix.count {
            return (info, String(name.dropFirst(prefix.count)))
        }
        return nil
    }
}

extension FieldType {
    /// Parses the short type codes of the field tables.
    init?(code: String) {
        switch code {
        case "s": self = .string
        case "i": self = .integer
        case "b": self = .bool
        case "ip": self = .ipAddress
        case "net": self = .ipNetwork
        case "at": self = .absTime
        case "rt": self = .relTime
        case "buf": self = .bytes
        case "d": self = .double
        default: return nil
        }
    }
}
