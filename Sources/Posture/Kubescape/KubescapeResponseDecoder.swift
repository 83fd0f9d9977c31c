import PalisadeCore

/// Go `encoding/json` decoding of `[]RuleResponse`, field by field.
enum KubescapeResponseDecoder {
    static func list(_ value: Value) throws -> [KubescapeRuleResponse] {
        switch value {
        case .null: return []
        case .array(let items): return try items.enumerated().map { try response($1, at: "[\($0)]") }
        default: throw mismatch(value, "[]RuleResponse", at: "")
        }
    }

    static func response(_ value: Value, at path: String) throws -> KubescapeRuleResponse {
        var r = KubescapeRuleResponse()
        for (name, field) in try fields(value, "RuleResponse", at: path, known: responseFields) {
            let at = path + "." + name
            switch name {
            case "alertMessage": r.alertMessage = try string(field, at: at, else: r.alertMessage)
            case "failedPaths": r.failedPaths = try strings(field, at: at)
            case "reviewPaths": r.reviewPaths = try strings(field, at: at)
            case "deletePaths": r.deletePaths = try strings(field, at: at)
            case "fixPaths": r.fixPaths = try fixPaths(field, at: at)
            case "fixCommand": r.fixCommand = try string(field, at: at, else: r.fixCommand)
            case "ruleStatus": r.ruleStatus = try string(field, at: at, else: r.ruleStatus)
            case "packagename": r.packageName = try string(field, at: at, else: r.packageName)
            case "alertScore": r.alertScore = try float(field, at: at, else: r.alertScore)
            case "alertObject": try alertObject(field, into: &r, at: at)
            case "relatedObjects": r.relatedObjects = try relatedObjects(field, at: at)
            case "rulename": r.ruleName = try string(field, at: at, else: r.ruleName)
            case "context": r.context = try strings(field, at: at)
            default: break
            }
        }
        return r
    }

    static let responseFields = ["alertMessage", "failedPaths", "reviewPaths", "deletePaths", "fixPaths",
                                 "fixCommand", "ruleStatus", "packagename", "alertScore", "alertObject",
                                 "relatedObjects", "rulename", "context"]

    private static func alertObject(_ value: Value, into r: inout KubescapeRuleResponse, at path: String) throws {
        for (name, field) in try fields(value, "AlertObject", at: path, known: ["k8sApiObjects", "externalObjects"]) {
            switch name {
            case "k8sApiObjects": r.k8sApiObjects = try maps(field, at: path + "." + name)
            default: r.externalObjects = try map(field, at: path + "." + name)
            }
        }
    }

    private static func relatedObjects(_ value: Value, at path: String) throws -> [KubescapeRelatedObject]? {
        guard let items = try array(value, "[]RelatedObject", at: path) else { return nil }
        let known = ["object", "failedPaths", "reviewPaths", "deletePaths", "fixPaths", "fixCommand"]
        return try items.enumerated().map { index, item in
            var related = KubescapeRelatedObject()
            let itemPath = "\(path)[\(index)]"
            for (name, field) in try fields(item, "RelatedObject", at: itemPath, known: known) {
                let at = itemPath + "." + name
                switch name {
                case "object": related.object = try map(field, at: at)
                case "failedPaths": related.failedPaths = try strings(field, at: at)
                case "reviewPaths": related.reviewPaths = try strings(field, at: at)
                case "deletePaths": related.deletePaths = try strings(field, at: at)
                case "fixPaths": related.fixPaths = try fixPaths(field, at: at)
                default: related.fixCommand = try string(field, at: at, else: related.fixCommand)
                }
            }
            return related
        }
    }

    private static func fixPaths(_ value: Value, at path: String) throws -> [KubescapeFixPath]? {
        guard let items = try array(value, "[]FixPath", at: path) else { return nil }
        return try items.enumerated().map { index, item in
            var fix = KubescapeFixPath(path: "", value: "")
            let itemPath = "\(path)[\(index)]"
            for (name, field) in try fields(item, "FixPath", at: itemPath, known: ["path", "value"]) {
                if name == "path" {
                    fix.path = try string(field, at: itemPath + ".path", else: fix.path)
                } else {
                    fix.value = try string(field, at: itemPath + ".value", else: fix.value)
                }
            }
            return fix
        }
    }

    // MARK: Go's rules for each kind of field

    /// The object's fields matched to `known` names (exact match first, then
    /// case-insensitive), in key order; null is an empty struct.
    private static func fields(_ value: Value, _ type: String, at path: String, known: [String]) throws -> [(String, Value)] {
        switch value {
        case .null: return []
        case .object(let object):
            return object.keys.sorted().compactMap { key -> (String, Value)? in
                guard let text = key.stringValue, let field = object[key] else { return nil }
                let name = known.first { $0 == text } ?? known.first { $0.lowercased() == text.lowercased() }
                return name.map { ($0, field) }
            }
        default: throw mismatch(value, type, at: path)
        }
    }

    private static func string(_ value: Value, at path: String, else current: String) throws -> String {
        switch value {
        case .null: return current
        case .string(let s): return s
        default: throw mismatch(value, "string", at: path)
        }
    }

    private static func float(_ value: Value, at path: String, else current: Float) throws -> Float {
        switch value {
        case .null: return current
        case .number(let n): return Float(n.doubleValue)
        default: throw mismatch(value, "float32", at: path)
        }
    }

    private static func array(_ value: Value, _ type: String, at path: String) throws -> [Value]? {
        switch value {
        case .null: return nil
        case .array(let items): return items
        default: throw mismatch(value, type, at: path)
        }
    }

    private static func strings(_ value: Value, at path: String) throws -> [String]? {
        try array(value, "[]string", at: path)?.enumerated().map { try string($1, at: "\(path)[\($0)]", else: "") }
    }

    private static func map(_ value: Value, at path: String) throws -> Value? {
        switch value {
        case .null: return nil
        case .object: return value
        default: throw mismatch(value, "map[string]interface {}", at: path)
        }
    }

    private static func maps(_ value: Value, at path: String) throws -> [Value]? {
        try array(value, "[]map[string]interface {}", at: path)?.enumerated().map { index, item in
            try map(item, at: "\(path)[\(index)]") ?? .null
        }
    }

    private static func mismatch(_ value: Value, _ type: String, at path: String) -> KubescapeError {
        let field = path.isEmpty ? "" : " at \(path.hasPrefix(".") ? String(path.dropFirst()) : path)"
        return KubescapeError("cannot unmarshal \(value.typeName) into Go value of type \(type)\(field)")
    }
}
