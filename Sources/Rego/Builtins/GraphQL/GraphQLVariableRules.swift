/// Rules about variables and input values.
extension GraphQLValidator {
    static func noUndefinedVariables(_ events: GraphQLValidationEvents, _ report: @escaping Report) {
        events.value.append { walker, value in
            guard let op = walker.currentOperation, value.kind == .variable, value.variableDefinition == nil else { return }
            if op.name.isEmpty {
                report("Variable \"\(value.text)\" is not defined.", value.position)
            } else {
                report("Variable \"\(value.text)\" is not defined by operation \"\(op.name)\".", value.position)
            }
        }
    }

    static func noUnusedVariables(_ events: GraphQLValidationEvents, _ report: @escaping Report) {
        events.operation.append { _, op in
            for varDef in op.variableDefinitions where !varDef.used {
                if op.name.isEmpty {
                    report("Variable \"$\(varDef.variable)\" is never used.", varDef.position)
                } else {
                    report("Variable \"$\(varDef.variable)\" is never used in operation \"\(op.name)\".", varDef.position)
                }
            }
        }
    }

    static func uniqueVariableNames(_ events: GraphQLValidationEvents, _ report: @escaping Report) {
        events.operation.append { _, op in
            var counts: [String: Int] = [:]
            for def in op.variableDefinitions {
                if counts[def.variable] == 1 {
                    report("There can be only one variable named \"$\(def.variable)\".", def.position)
                }
                counts[def.variable, default: 0] += 1
            }
        }
    }

    static func uniqueInputFieldNames(_ events: GraphQLValidationEvents, _ report: @escaping Report) {
        events.value.append { _, value in
            guard value.kind == .object else { return }
            var seen: Set<String> = []
            for child in value.children where !seen.insert(child.name).inserted {
                report("There can be only one input field named \"\(child.name)\".", child.position)
            }
        }
    }

    static func variablesAreInputTypes(_ events: GraphQLValidationEvents, _ report: @escaping Report) {
        events.operation.append { _, op in
            for def in op.variableDefinitions {
                guard let type = def.definition, !type.isInputType else { continue }
                report("Variable \"$\(def.variable)\" cannot be non-input type \"\(def.type.text)\".", def.position)
            }
        }
    }

    static func variablesInAllowedPosition(_ events: GraphQLValidationEvents, _ report: @escaping Report) {
        events.value.append { walker, value in
            guard value.kind == .variable, let expected = value.expectedType, let varDef = value.variableDefinition,
                  walker.currentOperation != nil else { return }
            let allowed = expected.copy()
            // A default (on the variable or the argument) lets a nullable variable fill a non-null slot.
            let hasDefault = varDef.defaultValue.map { $0.kind != .null } ?? false
            if (hasDefault || value.expectedTypeHasDefault) && expected.nonNull { allowed.nonNull = false }
            if !varDef.type.isCompatible(with: allowed) {
                report("Variable \"\(value.text)\" of type \"\(varDef.type.text)\" used in position expecting type \"\(expected.text)\".", value.position)
            }
        }
    }

    static func valuesOfCorrectType(_ events: GraphQLValidationEvents, _ report: @escaping Report) {
        events.value.append { _, value in
            guard let def = value.definition, let expected = value.expectedType else { return }
            if value.kind == .null && expected.nonNull {
                report("Expected value of type \"\(expected.text)\", found \(value.text).", value.position)
            }
            let builtinScalars = ["Int", "Float", "String", "Boolean", "ID"]
            if def.kind == GraphQLDefinition.scalar && !builtinScalars.contains(def.name) { return }
            let enumValues = def.kind == GraphQLDefinition.enumKind ? def.enumValues.map(\.name) : []
            if !rawValueParses(value) { report(unexpectedTypeMessage(value), value.position) }
            switch value.kind {
            case .null, .variable:
                return
            case .list:
                if expected.elem == nil { report(unexpectedTypeMessage(value), value.position) }
            case .int:
                if !["Int", "Float", "ID"].contains(def.name) { report(unexpectedTypeMessage(value), value.position) }
            case .float:
                if def.name != "Float" { report(unexpectedTypeMessage(value), value.position) }
            case .string, .block:
                if def.kind == GraphQLDefinition.enumKind {
                    let message = "Enum \"\(expected.text)\" cannot represent non-enum value: \(value.text)."
                    report(message + GraphQLSuggestions.suffix("Did you mean the enum value", value.raw, enumValues), value.position)
                } else if def.name != "String" && def.name != "ID" {
                    report(unexpectedTypeMessage(value), value.position)
                }
            case .enumValue:
                if def.kind != GraphQLDefinition.enumKind {
                    let suffix = GraphQLSuggestions.suffix("Did you mean the enum value", value.raw, enumValues, quoted: false)
                    report(unexpectedTypeMessage(value) + suffix, value.position)
                } else if !def.enumValues.contains(where: { $0.name == value.raw }) {
                    let message = "Value \"\(value.text)\" does not exist in \"\(expected.text)\" enum."
                    report(message + GraphQLSuggestions.suffix("Did you mean the enum value", value.raw, enumValues), value.position)
                }
            case .boolean:
                if def.name != "Boolean" { report(unexpectedTypeMessage(value), value.position) }
            case .object:
                checkObjectFields(value, def, report)
            }
        }
    }

    private static func checkObjectFields(_ value: GraphQLValue, _ def: GraphQLDefinition, _ report: Report) {
        for field in def.fields where field.type.nonNull {
            if !value.children.contains(where: { $0.name == field.name }) && field.defaultValue == nil {
                report("Field \"\(def.name).\(field.name)\" of required type \"\(field.type.text)\" was not provided.", value.position)
            }
        }
        for child in value.children where def.field(named: child.name) == nil {
            let message = "Field \"\(child.name)\" is not defined by type \"\(def.name)\"."
            report(message + GraphQLSuggestions.suffix("Did you mean", child.name, def.fields.map(\.name)), child.position)
        }
    }

    /// Whether gqlparser's `Value.Value()` converts the literal without error (int64 / float64 range).
    private static func rawValueParses(_ value: GraphQLValue) -> Bool {
        switch value.kind {
        case .int: return Int64(value.raw) != nil
        case .float:
            guard let d = Double(value.raw) else { return false }
            return d.isFinite
        default: return true
        }
    }

    private static func unexpectedTypeMessage(_ value: GraphQLValue) -> String {
        let expected = value.expectedType?.text ?? ""
        switch expected {
        case "Int", "Int!":
            if value.kind == .int && Int32(value.raw) == nil {
                return "Int cannot represent non 32-bit signed integer value: \(value.text)"
            }
            return "Int cannot represent non-integer value: \(value.text)"
        case "String", "String!", "[String]":
            return "String cannot represent a non string value: \(value.text)"
        case "Boolean", "Boolean!":
            return "Boolean cannot represent a non boolean value: \(value.text)"
        case "Float", "Float!":
            return "Float cannot represent non numeric value: \(value.text)"
        case "ID", "ID!":
            return "ID cannot represent a non-string and non-integer value: \(value.text)"
        default:
            if value.definition?.kind == GraphQLDefinition.enumKind {
                return "Enum \"\(expected)\" cannot represent non-enum value: \(value.text)."
            }
            return "Expected value of type \"\(expected)\", found \(value.text)."
        }
    }
}
