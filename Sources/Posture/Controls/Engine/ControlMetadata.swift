import PalisadeCore
import Rego

/// Reads a control's package METADATA block (see docs/controls.md) into a `ControlInfo`.
enum ControlMetadata {
    static let controlPackagePrefix = ["palisade", "controls"]

    /// The control described by `module`, or an error naming the file and line of what is wrong.
    static func info(of module: Module) throws -> (ControlInfo, SourceLocation) {
        guard let annotation = module.annotations.first(where: { $0.scope == .package }) else {
            throw InputError("invalid control: no METADATA block before the package (title, custom.id, custom.severity and custom.kinds are required)",
                             at: module.packageLocation)
        }
        let at = annotation.location
        let value = annotation.value
        let custom = value["custom"] ?? .emptyObject
        guard let id = nonEmptyString(custom["id"]) else { throw invalid("custom.id is missing", at) }
        guard let title = nonEmptyString(value["title"]) else { throw invalid("title is missing", at) }
        guard let severityText = nonEmptyString(custom["severity"]) else { throw invalid("custom.severity is missing", at) }
        guard let severity = Severity(parsing: severityText) else {
            throw invalid("custom.severity '\(severityText)' is not one of info, low, medium, high, critical", at)
        }
        let kinds = try stringList(custom["kinds"], field: "custom.kinds", at: at)
        guard !kinds.isEmpty else { throw invalid("custom.kinds is missing or empty", at) }
        try checkPackage(module, at: at)
        try checkDenyRule(module, at: at)
        let info = ControlInfo(
            id: id, title: title, description: value["description"]?.stringValue ?? "", severity: severity,
            remediation: custom["remediation"]?.stringValue ?? "", kinds: kinds,
            mappings: try mappings(custom["frameworks"], at: at),
            references: try stringList(custom["references"], field: "custom.references", at: at))
        return (info, at)
    }

    private static func checkPackage(_ module: Module, at: SourceLocation) throws {
        guard module.package.count > controlPackagePrefix.count, module.package.starts(with: controlPackagePrefix) else {
            throw InputError("invalid control: package must be palisade.controls.<name>, not \(module.package.joined(separator: "."))",
                             at: module.packageLocation)
        }
    }

    private static func checkDenyRule(_ module: Module, at: SourceLocation) throws {
        guard module.rules.contains(where: { $0.head.name == "deny" }) else {
            throw InputError("invalid control: no `deny` rule (expected `deny contains result if { ... }`)", at: module.packageLocation)
        }
    }

    /// `frameworks: {NSA-CISA: ["..."], MITRE: ["T1611"]}`; a single string is accepted for a list of one.
    private static func mappings(_ value: Value?, at: SourceLocation) throws -> [ControlMapping] {
        guard let value, value != .null else { return [] }
        guard let object = value.objectValue else { throw invalid("custom.frameworks must be a map of framework to control ids", at) }
        var result: [ControlMapping] = []
        for (key, entry) in object {
            guard let framework = key.stringValue, !framework.isEmpty else { throw invalid("custom.frameworks has a non-string key", at) }
            for control in try stringList(entry, field: "custom.frameworks.\(framework)", at: at) {
                result.append(ControlMapping(framework: .init(framework), control: control))
            }
        }
        return result
    }

    private static func stringList(_ value: Value?, field: String, at: SourceLocation) throws -> [String] {
        guard let value, value != .null else { return [] }
        if let single = scalarText(value) { return [single] }
        guard let items = value.arrayValue else { throw invalid("\(field) must be a list of strings", at) }
        return try items.map { item in
            guard let text = scalarText(item) else { throw invalid("\(field) must be a list of strings", at) }
            return text
        }
    }

    /// YAML turns `5.2.2` into a string but `1.1` into a number; both are control ids here.
    private static func scalarText(_ value: Value) -> String? {
        switch value {
        case .string(let s): return s
        case .number(let n): return n.description
        default: return nil
        }
    }

    private static func nonEmptyString(_ value: Value?) -> String? {
        guard let text = value?.stringValue?.trimmingSpaces, !text.isEmpty else { return nil }
        return text
    }

    private static func invalid(_ problem: String, _ at: SourceLocation) -> InputError {
        InputError("invalid control: \(problem)", at: at)
    }
}

extension String {
    var trimmingSpaces: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}
