import PalisadeCore

/// Validates a document against a compiled schema, producing gojsonschema's
/// errors in its order, including the score used to pick anyOf/oneOf details.
struct EncodingSchemaValidator {
    struct Failure {
        var type: String
        var field: String
        var description: String
    }

    struct Outcome {
        var errors: [Failure] = []
        var score = 0
        var valid: Bool { errors.isEmpty }

        mutating func add(_ type: String, _ context: [String], _ description: String) {
            errors.append(Failure(type: type, field: EncodingSchemaValidator.field(context), description: description))
            score -= 2
        }

        mutating func merge(_ other: Outcome) {
            errors += other.errors
            score += other.score
        }
    }

    let schema: EncodingCompiledSchema
    static let maxDepth = 300

    func validate(_ document: Value) -> Outcome {
        var outcome = Outcome()
        validate(schema.root, document, ["(root)"], &outcome, depth: 0)
        return outcome
    }

    static func field(_ context: [String]) -> String {
        let path = context.joined(separator: ".")
        return path.hasPrefix("(root).") ? String(path.dropFirst(7)) : path
    }

    private func sub(_ node: Int, _ value: Value, _ context: [String], depth: Int) -> Outcome {
        var outcome = Outcome()
        validate(node, value, context, &outcome, depth: depth + 1)
        return outcome
    }

    private func validate(_ index: Int, _ value: Value, _ context: [String], _ result: inout Outcome, depth: Int) {
        guard depth < Self.maxDepth else { return }
        let node = schema.nodes[index]
        if let pass = node.pass {
            if !pass { result.add("false", context, "False always fails validation") }
            return
        }
        if let ref = node.ref {
            validate(ref, value, context, &result, depth: depth + 1)
            return
        }
        let given: String
        switch value {
        case .null: given = "null"
        case .bool: given = "boolean"
        case .number(let n): given = n.isInteger ? "integer" : "number"
        case .string: given = "string"
        case .array, .set: given = "array"
        case .object: given = "object"
        }
        if !node.types.isEmpty {
            let ok = node.types.contains(given) || (given == "integer" && node.types.contains("number"))
            if !ok {
                let expected = node.types.count > 1 ? "[" + node.types.joined(separator: ",") + "]" : node.types[0]
                result.add("invalid_type", context, "Invalid type. Expected: \(expected), given: \(given)")
                return
            }
        }
        validateSchema(node, value, context, &result, depth: depth)
        switch value {
        case .number(let n):
            validateNumber(node, n, context, &result)
            validateCommon(node, value, context, &result)
        case .string(let s):
            validateCommon(node, value, context, &result)
            validateString(node, s, context, &result)
        case .array, .set:
            validateArray(node, value.elements ?? [], context, &result, depth: depth)
            validateCommon(node, value, context, &result)
        case .object(let fields):
            validateObject(node, fields, context, &result, depth: depth)
            validateCommon(node, value, context, &result)
            for (name, child) in node.properties {
                if let next = fields[.string(name)] {
                    validate(child, next, context + [name], &result, depth: depth + 1)
                }
            }
        default:
            validateCommon(node, value, context, &result)
        }
        result.score += 1
    }

    private func validateSchema(_ node: EncodingSchemaNode, _ value: Value, _ context: [String],
                                _ result: inout Outcome, depth: Int) {
        if !node.anyOf.isEmpty {
            var best: Outcome?
            var matched = false
            for s in node.anyOf where !matched {
                let r = sub(s, value, context, depth: depth)
                matched = r.valid
                if !matched, best.map({ r.score > $0.score }) ?? true { best = r }
            }
            if !matched {
                result.add("number_any_of", context, "Must validate at least one schema (anyOf)")
                if let best { result.merge(best) }
            }
        }
        if !node.oneOf.isEmpty {
            var validated = 0
            var best: Outcome?
            for s in node.oneOf {
                let r = sub(s, value, context, depth: depth)
                if r.valid {
                    validated += 1
                } else if validated == 0, best.map({ r.score > $0.score }) ?? true {
                    best = r
                }
            }
            if validated != 1 {
                result.add("number_one_of", context, "Must validate one and only one schema (oneOf)")
                if validated == 0, let best { result.merge(best) }
            }
        }
        if !node.allOf.isEmpty {
            var validated = 0
            for s in node.allOf {
                let r = sub(s, value, context, depth: depth)
                if r.valid { validated += 1 }
                result.merge(r)
            }
            if validated != node.allOf.count {
                result.add("number_all_of", context, "Must validate all the schemas (allOf)")
            }
        }
        if let not = node.not, sub(not, value, context, depth: depth).valid {
            result.add("number_not", context, "Must not validate the schema (not)")
        }
        if !node.dependencies.isEmpty, case .object(let fields) = value {
            for (name, dependency) in node.dependencies where fields[.string(name)] != nil {
                switch dependency {
                case .properties(let names):
                    for dep in names where fields[.string(dep)] == nil {
                        result.add("missing_dependency", context, "Has a dependency on \(dep)")
                    }
                case .schema(let s):
                    validate(s, value, context, &result, depth: depth + 1)
                }
            }
        }
        if let condition = node.ifSchema {
            let ifValid = sub(condition, value, context, depth: depth).valid
            if ifValid, let then = node.thenSchema {
                let r = sub(then, value, context, depth: depth)
                if !r.valid {
                    result.add("condition_then", context, "Must validate \"then\" as \"if\" was valid")
                    result.merge(r)
                }
            }
            if !ifValid, let otherwise = node.elseSchema {
                let r = sub(otherwise, value, context, depth: depth)
                if !r.valid {
                    result.add("condition_else", context, "Must validate \"else\" as \"if\" was not valid")
                    result.merge(r)
                }
            }
        }
        result.score += 1
    }

    private func validateCommon(_ node: EncodingSchemaNode, _ value: Value, _ context: [String], _ result: inout Outcome) {
        let field = Self.field(context)
        if let constValue = node.constValue, EncodingJSONSchema.canonicalJSON(value) != constValue {
            result.add("const", context, "\(field) does not match: \(constValue)")
        }
        if let values = node.enumValues, !values.contains(EncodingJSONSchema.canonicalJSON(value)) {
            let allowed = values.isEmpty ? "(none)" : values.joined(separator: ", ")
            result.add("enum", context, "\(field) must be one of the following: \(allowed)")
        }
        if let format = node.format, !EncodingSchemaFormats.check(format, value) {
            result.add("format", context, "Does not match format '\(format)'")
        }
        result.score += 1
    }

    private func validateArray(_ node: EncodingSchemaNode, _ items: [Value], _ context: [String],
                               _ result: inout Outcome, depth: Int) {
        if node.itemsIsSingleSchema, let schema = node.items.first {
            for (i, item) in items.enumerated() {
                result.merge(sub(schema, item, context + [String(i)], depth: depth))
            }
        } else if !node.items.isEmpty {
            for (i, (schema, item)) in zip(node.items, items).enumerated() {
                result.merge(sub(schema, item, context + [String(i)], depth: depth))
            }
            if node.items.count < items.count {
                switch node.additionalItems {
                case .allowed(false):
                    result.add("array_no_additional_items", context, "No additional items allowed on array")
                case .schema(let s):
                    for i in node.items.count..<items.count {
                        result.merge(sub(s, items[i], context + [String(i)], depth: depth))
                    }
                default: break
                }
            }
        }
        if let min = node.minItems, items.count < min {
            result.add("array_min_items", context, "Array must have at least \(min) items")
        }
        if let max = node.maxItems, items.count > max {
            result.add("array_max_items", context, "Array must have at most \(max) items")
        }
        if node.uniqueItems {
            var seen: [String: Int] = [:]
            for (j, item) in items.enumerated() {
                let text = EncodingJSONSchema.canonicalJSON(item)
                if let i = seen[text] {
                    result.add("unique", context, "array items[\(i),\(j)] must be unique")
                }
                seen[text] = j
            }
        }
        if let contains = node.contains {
            var matched = false
            var best: Outcome?
            for (i, item) in items.enumerated() {
                let r = sub(contains, item, context + [String(i)], depth: depth)
                if r.valid { matched = true; break }
                if best.map({ r.score > $0.score }) ?? true { best = r }
            }
            if !matched {
                result.add("contains", context, "At least one of the items must match")
                if let best { result.merge(best) }
            }
        }
        result.score += 1
    }

    private func validateObject(_ node: EncodingSchemaNode, _ fields: [Value: Value], _ context: [String],
                                _ result: inout Outcome, depth: Int) {
        if let min = node.minProperties, fields.count < min {
            result.add("array_min_properties", context, "Must have at least \(min) properties")
        }
        if let max = node.maxProperties, fields.count > max {
            result.add("array_max_properties", context, "Must have at most \(max) properties")
        }
        for name in node.required {
            if fields[.string(name)] != nil {
                result.score += 1
            } else {
                result.add("required", context, "\(name) is required")
            }
        }
        let keys = fields.keys.map { JSONWriter.keyText($0) }.sorted { EncodingGoStrings.less($0, $1) }
        for key in keys {
            let value = fields[.string(key)] ?? .null
            let described = node.properties.contains { $0.name == key }
            var patternMatched = false
            for (_, regex, schema) in node.patternProperties where EncodingSchemaRegex.matches(regex, key) {
                patternMatched = true
                result.merge(sub(schema, value, context + [key], depth: depth))
            }
            if patternMatched { result.score += 1 }
            if !described && !patternMatched {
                switch node.additionalProperties {
                case .allowed(false):
                    result.add("additional_property_not_allowed", context, "Additional property \(key) is not allowed")
                case .schema(let s):
                    result.merge(sub(s, value, context + [key], depth: depth))
                default: break
                }
            }
        }
        if let names = node.propertyNames {
            for key in keys {
                let r = sub(names, .string(key), context, depth: depth)
                if !r.valid {
                    result.add("invalid_property_name", context, "Property name of \"\(key)\" does not match")
                    result.merge(r)
                }
            }
        }
        result.score += 1
    }

    private func validateString(_ node: EncodingSchemaNode, _ s: String, _ context: [String], _ result: inout Outcome) {
        let length = s.unicodeScalars.count
        if let min = node.minLength, length < min {
            result.add("string_gte", context, "String length must be greater than or equal to \(min)")
        }
        if let max = node.maxLength, length > max {
            result.add("string_lte", context, "String length must be less than or equal to \(max)")
        }
        if let pattern = node.pattern, !EncodingSchemaRegex.matches(pattern.regex, s) {
            result.add("pattern", context, "Does not match pattern '\(pattern.source)'")
        }
        result.score += 1
    }

    private func validateNumber(_ node: EncodingSchemaNode, _ n: Number, _ context: [String], _ result: inout Outcome) {
        guard let value = EncodingRational(n) else { return }
        if let m = node.multipleOf, !value.isMultiple(of: m) {
            result.add("multiple_of", context, "Must be a multiple of \(m.text)")
        }
        if let max = node.maximum, EncodingRational.compare(value, max) > 0 {
            result.add("number_lte", context, "Must be less than or equal to \(max.text)")
        }
        if let max = node.exclusiveMaximum, EncodingRational.compare(value, max) >= 0 {
            result.add("number_lt", context, "Must be less than \(max.text)")
        }
        if let min = node.minimum, EncodingRational.compare(value, min) < 0 {
            result.add("number_gte", context, "Must be greater than or equal to \(min.text)")
        }
        if let min = node.exclusiveMinimum, EncodingRational.compare(value, min) <= 0 {
            result.add("number_gt", context, "Must be greater than \(min.text)")
        }
        result.score += 1
    }
}
