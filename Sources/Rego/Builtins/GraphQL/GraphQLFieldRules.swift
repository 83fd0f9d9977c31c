/// Rules about fields, arguments and directives.
extension GraphQLValidator {
    static func fieldsOnCorrectType(_ events: GraphQLValidationEvents, _ report: @escaping Report) {
        events.field.append { walker, field in
            guard let parent = field.objectDefinition, field.definition == nil else { return }
            var message = "Cannot query field \"\(field.name)\" on type \"\(parent.name)\"."
            let typeNames = suggestedTypeNames(walker.schema, parent, field.name)
            if !typeNames.isEmpty {
                message += " Did you mean to use an inline fragment on " + GraphQLSuggestions.quotedOrList(typeNames) + "?"
            } else if parent.kind == GraphQLDefinition.object || parent.kind == GraphQLDefinition.interface {
                message += GraphQLSuggestions.suffix("Did you mean", field.name, parent.fields.map(\.name))
            }
            report(message, field.position)
        }
    }

    /// Types under an abstract parent that do have the field: interfaces (most used first), then objects.
    private static func suggestedTypeNames(_ schema: GraphQLSchema, _ parent: GraphQLDefinition, _ name: String) -> [String] {
        guard parent.isAbstractType else { return [] }
        var objects: [String] = []
        var interfaces: [String] = []
        var usage: [String: Int] = [:]
        for possible in schema.possibleTypes(of: parent) where possible.field(named: name) != nil {
            objects.append(possible.name)
            for intf in possible.interfaces where schema.types[intf]?.field(named: name) != nil {
                if usage[intf] == nil { interfaces.append(intf) }
                usage[intf, default: 0] += 1
            }
        }
        let sortedInterfaces = interfaces.enumerated().sorted {
            (-(usage[$0.element] ?? 0), $0.offset) < (-(usage[$1.element] ?? 0), $1.offset)
        }.map(\.element)
        return sortedInterfaces + objects
    }

    static func knownArgumentNames(_ events: GraphQLValidationEvents, _ report: @escaping Report) {
        events.field.append { _, field in
            guard let def = field.definition, let parent = field.objectDefinition else { return }
            for arg in field.arguments where !def.arguments.contains(where: { $0.name == arg.name }) {
                let message = "Unknown argument \"\(arg.name)\" on field \"\(field.name)\" of type \"\(parent.name)\"."
                report(message + GraphQLSuggestions.suffix("Did you mean", arg.name, def.arguments.map(\.name)), field.position)
            }
        }
        events.directive.append { _, directive in
            guard let def = directive.definition else { return }
            for arg in directive.arguments where !def.arguments.contains(where: { $0.name == arg.name }) {
                let message = "Unknown argument \"\(arg.name)\" on directive \"@\(directive.name)\"."
                report(message + GraphQLSuggestions.suffix("Did you mean", arg.name, def.arguments.map(\.name)), directive.position)
            }
        }
    }

    static func knownDirectives(_ events: GraphQLValidationEvents, _ report: @escaping Report) {
        var seen: Set<String> = []
        events.directive.append { _, directive in
            guard let def = directive.definition else {
                report("Unknown directive \"@\(directive.name)\".", directive.position)
                return
            }
            if def.locations.contains(directive.location) { return }
            let key = "\(directive.name):\(directive.position?.line ?? 0):\(directive.position?.column ?? 0)"
            if seen.insert(key).inserted {
                report("Directive \"@\(directive.name)\" may not be used on \(directive.location).", directive.position)
            }
        }
    }

    static func knownRootType(_ events: GraphQLValidationEvents, _ report: @escaping Report) {
        events.operation.append { walker, op in
            let root: GraphQLDefinition?
            switch op.operation {
            case "mutation": root = walker.schema.mutation
            case "subscription": root = walker.schema.subscription
            default: root = walker.schema.query
            }
            if root == nil { report("Schema does not support operation type \"\(op.operation)\"", op.position) }
        }
    }

    static func providedRequiredArguments(_ events: GraphQLValidationEvents, _ report: @escaping Report) {
        events.field.append { _, field in
            guard let def = field.definition else { return }
            for argDef in def.arguments where argDef.type.nonNull && argDef.defaultValue == nil {
                if field.arguments.contains(where: { $0.name == argDef.name }) { continue }
                report("Field \"\(field.name)\" argument \"\(argDef.name)\" of type \"\(argDef.type.text)\" is required, but it was not provided.", field.position)
            }
        }
        events.directive.append { _, directive in
            guard let def = directive.definition else { return }
            for argDef in def.arguments where argDef.type.nonNull && argDef.defaultValue == nil {
                if directive.arguments.contains(where: { $0.name == argDef.name }) { continue }
                report("Directive \"@\(def.name)\" argument \"\(argDef.name)\" of type \"\(argDef.type.text)\" is required, but it was not provided.", directive.position)
            }
        }
    }

    static func scalarLeafs(_ events: GraphQLValidationEvents, _ report: @escaping Report) {
        events.field.append { walker, field in
            guard let def = field.definition, let type = walker.schema.types[def.type.name] else { return }
            if type.isLeafType && !field.selectionSet.isEmpty {
                report("Field \"\(field.name)\" must not have a selection since type \"\(type.name)\" has no subfields.", field.position)
            }
            if !type.isLeafType && field.selectionSet.isEmpty {
                report("Field \"\(field.name)\" of type \"\(def.type.text)\" must have a selection of subfields. Did you mean \"\(field.name) { ... }\"?", field.position)
            }
        }
    }

    static func uniqueArgumentNames(_ events: GraphQLValidationEvents, _ report: @escaping Report) {
        func check(_ args: [GraphQLArgument]) {
            var counts: [String: Int] = [:]
            for arg in args {
                if counts[arg.name] == 1 { report("There can be only one argument named \"\(arg.name)\".", arg.position) }
                counts[arg.name, default: 0] += 1
            }
        }
        events.field.append { _, field in check(field.arguments) }
        events.directive.append { _, directive in check(directive.arguments) }
    }

    static func uniqueDirectivesPerLocation(_ events: GraphQLValidationEvents, _ report: @escaping Report) {
        events.directiveList.append { _, directives in
            var seen: Set<String> = []
            for dir in directives {
                let repeatable = dir.name == "repeatable" || dir.definition?.isRepeatable == true
                if !repeatable && seen.contains(dir.name) {
                    report("The directive \"@\(dir.name)\" can only be used once at this location.", dir.position)
                }
                seen.insert(dir.name)
            }
        }
    }
}
