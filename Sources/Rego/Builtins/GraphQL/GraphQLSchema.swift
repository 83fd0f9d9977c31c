/// A validated schema: gqlparser's `ast.Schema`.
final class GraphQLSchema {
    var query: GraphQLDefinition?
    var mutation: GraphQLDefinition?
    var subscription: GraphQLDefinition?
    var types: [String: GraphQLDefinition] = [:]
    var directives: [String: GraphQLDirectiveDefinition] = [:]
    var possibleTypes: [String: [GraphQLDefinition]] = [:]
    var implements: [String: [GraphQLDefinition]] = [:]

    func possibleTypes(of def: GraphQLDefinition) -> [GraphQLDefinition] {
        if def.kind == GraphQLDefinition.union { return def.types.compactMap { types[$0] } }
        return possibleTypes[def.name] ?? []
    }

    /// Merges the prelude with `doc` and validates the result, as OPA's `convertSchema` does.
    static func build(from doc: GraphQLSchemaDocument) throws -> GraphQLSchema {
        let merged = GraphQLSchemaDocument()
        merged.merge(try GraphQLParser.parseSchema(graphQLPrelude, name: "prelude.graphql", builtIn: true))
        merged.merge(doc)
        return try GraphQLSchemaBuilder(merged).build()
    }
}

/// gqlparser's `ValidateSchemaDocument`.
private struct GraphQLSchemaBuilder {
    let doc: GraphQLSchemaDocument
    let schema = GraphQLSchema()

    init(_ doc: GraphQLSchemaDocument) { self.doc = doc }

    func build() throws -> GraphQLSchema {
        var defs = doc.definitions
        for def in doc.definitions {
            if schema.types[def.name] != nil { throw GraphQLError("Cannot redeclare type \(def.name).", at: def.position) }
            schema.types[def.name] = def
        }
        for ext in doc.extensions {
            var def: GraphQLDefinition
            if let existing = schema.types[ext.name] {
                def = existing
            } else {
                def = GraphQLDefinition()
                def.kind = ext.kind
                def.name = ext.name
                def.position = ext.position
                schema.types[ext.name] = def
                defs.append(def)
            }
            if def.kind != ext.kind {
                throw GraphQLError("Cannot extend type \(ext.name) because the base type is a \(def.kind), not \(ext.kind).", at: ext.position)
            }
            def.directives += ext.directives
            def.interfaces += ext.interfaces
            def.fields += ext.fields
            def.types += ext.types
            def.enumValues += ext.enumValues
        }
        registerPossibleTypes(defs)
        try registerDirectives()
        try registerRootOperations()
        try validateTypes()
        try validateDirectiveDefinitions()
        inferRootOperations()
        addIntrospectionFields()
        return schema
    }

    private func registerPossibleTypes(_ defs: [GraphQLDefinition]) {
        func add(_ name: String, _ def: GraphQLDefinition?) {
            guard let def else { return }
            schema.possibleTypes[name, default: []].append(def)
        }
        func implement(_ name: String, _ def: GraphQLDefinition?) {
            guard let def else { return }
            schema.implements[name, default: []].append(def)
        }
        for def in defs {
            switch def.kind {
            case GraphQLDefinition.union:
                for t in def.types {
                    add(def.name, schema.types[t])
                    implement(t, def)
                }
            case GraphQLDefinition.inputObject, GraphQLDefinition.object, GraphQLDefinition.interface:
                for intf in def.interfaces {
                    add(intf, def)
                    implement(def.name, schema.types[intf])
                }
                if def.kind != GraphQLDefinition.interface { add(def.name, def) }
            default:
                break
            }
        }
    }

    private func registerDirectives() throws {
        for dir in doc.directives {
            if schema.directives[dir.name] != nil {
                switch dir.name {
                case "include", "skip", "deprecated", "specifiedBy": continue
                default: throw GraphQLError("Cannot redeclare directive \(dir.name).", at: dir.position)
                }
            }
            schema.directives[dir.name] = dir
        }
    }

    private func registerRootOperations() throws {
        if doc.schema.count > 1 {
            throw GraphQLError("Cannot have multiple schema entry points, consider schema extensions instead.", at: doc.schema[1].position)
        }
        for def in doc.schema + doc.schemaExtension {
            for entry in def.operationTypes {
                guard let type = schema.types[entry.type] else {
                    throw GraphQLError("Schema root \(entry.operation) refers to a type \(entry.type) that does not exist.", at: entry.position)
                }
                switch entry.operation {
                case "query": schema.query = type
                case "mutation": schema.mutation = type
                case "subscription": schema.subscription = type
                default: break
                }
            }
        }
    }

    private func inferRootOperations() {
        guard doc.schema.isEmpty else { return }
        if schema.query == nil { schema.query = schema.types["Query"] }
        if schema.mutation == nil { schema.mutation = schema.types["Mutation"] }
        if schema.subscription == nil { schema.subscription = schema.types["Subscription"] }
    }

    private func addIntrospectionFields() {
        guard let query = schema.query else { return }
        let schemaField = GraphQLFieldDefinition()
        schemaField.name = "__schema"
        schemaField.type = GraphQLType(named: "__Schema", nonNull: true)
        let typeField = GraphQLFieldDefinition()
        typeField.name = "__type"
        typeField.type = GraphQLType(named: "__Type")
        let nameArg = GraphQLArgumentDefinition()
        nameArg.name = "name"
        nameArg.type = GraphQLType(named: "String", nonNull: true)
        typeField.arguments = [nameArg]
        query.fields += [schemaField, typeField]
    }

    // MARK: Type validation

    private func validateTypes() throws {
        for name in schema.types.keys.sorted() {
            if let def = schema.types[name] { try validateDefinition(def) }
        }
    }

    private func validateDirectiveDefinitions() throws {
        for name in schema.directives.keys.sorted() {
            guard let def = schema.directives[name] else { continue }
            try validateName(def.name, at: def.position)
            try validateArguments(def.arguments, currentDirective: def)
        }
    }

    private static let outputKinds = [GraphQLDefinition.scalar, GraphQLDefinition.object, GraphQLDefinition.interface,
                                      GraphQLDefinition.union, GraphQLDefinition.enumKind]
    private static let inputKinds = [GraphQLDefinition.scalar, GraphQLDefinition.enumKind, GraphQLDefinition.inputObject]

    private func validateDefinition(_ def: GraphQLDefinition) throws {
        for field in def.fields {
            try validateName(field.name, at: field.position)
            try validateTypeReference(field.type)
            try validateArguments(field.arguments, currentDirective: nil)
            let location = def.kind == GraphQLDefinition.inputObject ? "INPUT_FIELD_DEFINITION" : "FIELD_DEFINITION"
            try validateDirectives(field.directives, location: location, currentDirective: nil)
        }
        for type in def.types {
            guard let typeDef = schema.types[type] else {
                throw GraphQLError("Undefined type \(graphQLGoQuote(type)).", at: def.position)
            }
            if typeDef.kind != GraphQLDefinition.object {
                throw GraphQLError("\(def.kind) type \(graphQLGoQuote(type)) must be \(GraphQLDefinition.object).", at: def.position)
            }
        }
        for intf in def.interfaces { try validateImplements(def, intf) }
        try validateKindRules(def)
        for (i, a) in def.fields.enumerated() {
            for b in def.fields[(i + 1)...] where a.name == b.name {
                throw GraphQLError("Field \(def.name).\(b.name) can only be defined once.", at: b.position)
            }
        }
        if !def.builtIn { try validateName(def.name, at: def.position) }
        try validateDirectives(def.directives, location: def.kind, currentDirective: nil)
    }

    private func validateKindRules(_ def: GraphQLDefinition) throws {
        switch def.kind {
        case GraphQLDefinition.object, GraphQLDefinition.interface:
            if def.fields.isEmpty {
                throw GraphQLError("\(def.kind) \(def.name): must define one or more fields.", at: def.position)
            }
            for field in def.fields {
                if let type = schema.types[field.type.name], !Self.outputKinds.contains(type.kind) {
                    throw GraphQLError("\(def.kind) \(def.name): field must be one of \(Self.outputKinds.joined(separator: ", ")).", at: field.position)
                }
            }
        case GraphQLDefinition.enumKind:
            if def.enumValues.isEmpty {
                throw GraphQLError("\(def.kind) \(def.name): must define one or more unique enum values.", at: def.position)
            }
            for value in def.enumValues where ["true", "false", "null"].contains(value.name) {
                throw GraphQLError("\(def.kind) \(def.name): non-enum value \(value.name).", at: def.position)
            }
        case GraphQLDefinition.inputObject:
            if def.fields.isEmpty {
                throw GraphQLError("\(def.kind) \(def.name): must define one or more input fields.", at: def.position)
            }
            for field in def.fields {
                if let type = schema.types[field.type.name], !Self.inputKinds.contains(type.kind) {
                    throw GraphQLError("\(type.kind) \(field.name): field must be one of \(Self.inputKinds.joined(separator: ", ")).", at: field.position)
                }
            }
        default:
            break
        }
    }

    private func validateTypeReference(_ type: GraphQLType) throws {
        if schema.types[type.name] == nil { throw GraphQLError("Undefined type \(type.name).", at: type.position) }
    }

    private func validateArguments(_ args: [GraphQLArgumentDefinition], currentDirective: GraphQLDirectiveDefinition?) throws {
        for arg in args {
            try validateName(arg.name, at: arg.position)
            try validateTypeReference(arg.type)
            if let def = schema.types[arg.type.name], !def.isInputType {
                throw GraphQLError("cannot use \(arg.type.text) as argument \(arg.name) because \(def.kind) is not a valid input type", at: arg.position)
            }
            try validateDirectives(arg.directives, location: "ARGUMENT_DEFINITION", currentDirective: currentDirective)
        }
    }

    private func validateDirectives(_ dirs: [GraphQLDirective], location: String, currentDirective: GraphQLDirectiveDefinition?) throws {
        for dir in dirs {
            try validateName(dir.name, at: dir.position)
            if let current = currentDirective, dir.name == current.name {
                throw GraphQLError("Directive \(current.name) cannot refer to itself.", at: dir.position)
            }
            guard let def = schema.directives[dir.name] else {
                throw GraphQLError("Undefined directive \(dir.name).", at: dir.position)
            }
            if !def.locations.contains(location) {
                throw GraphQLError("Directive \(dir.name) is not applicable on \(location).", at: dir.position)
            }
            dir.definition = def
        }
    }

    private func validateImplements(_ def: GraphQLDefinition, _ intfName: String) throws {
        guard let intf = schema.types[intfName] else {
            throw GraphQLError("Undefined type \(graphQLGoQuote(intfName)).", at: def.position)
        }
        if intf.kind != GraphQLDefinition.interface {
            throw GraphQLError("\(graphQLGoQuote(intfName)) is a non interface type \(intf.kind).", at: def.position)
        }
        for required in intf.fields {
            guard let found = def.field(named: required.name) else {
                throw GraphQLError("For \(def.name) to implement \(intf.name) it must have a field called \(required.name).", at: def.position)
            }
            if !isCovariant(required.type, found.type) {
                throw GraphQLError("For \(def.name) to implement \(intf.name) the field \(required.name) must have type \(required.type.text).", at: found.position)
            }
            for requiredArg in required.arguments {
                guard let foundArg = found.arguments.first(where: { $0.name == requiredArg.name }) else {
                    throw GraphQLError("For \(def.name) to implement \(intf.name) the field \(required.name) must have the same arguments but it is missing \(requiredArg.name).", at: found.position)
                }
                if !requiredArg.type.isCompatible(with: foundArg.type) {
                    throw GraphQLError("For \(def.name) to implement \(intf.name) the field \(required.name) must have the same arguments but \(requiredArg.name) has the wrong type.", at: foundArg.position)
                }
            }
            for extra in found.arguments where !required.arguments.contains(where: { $0.name == extra.name }) && extra.type.nonNull && extra.defaultValue == nil {
                throw GraphQLError("For \(def.name) to implement \(intf.name) any additional arguments on \(found.name) must be optional or have a default value but \(extra.name) is required.", at: extra.position)
            }
        }
        for transitive in intf.interfaces where !def.interfaces.contains(transitive) {
            if transitive == def.name {
                throw GraphQLError("Type \(def.name) cannot implement \(intfName) because it would create a circular reference.", at: def.position)
            }
            throw GraphQLError("Type \(def.name) must implement \(transitive) because it is implemented by \(intfName).", at: def.position)
        }
    }

    /// Bounded by the nesting of the two types, which the parser limits.
    private func isCovariant(_ required: GraphQLType, _ actual: GraphQLType) -> Bool {
        if required.nonNull && !actual.nonNull { return false }
        if !required.namedType.isEmpty {
            if required.namedType == actual.namedType { return true }
            return (schema.possibleTypes[required.namedType] ?? []).contains { $0.name == actual.namedType }
        }
        guard let requiredElem = required.elem, let actualElem = actual.elem else { return required.elem == nil && actual.elem == nil }
        return isCovariant(requiredElem, actualElem)
    }

    private func validateName(_ name: String, at position: GraphQLPosition?) throws {
        if name.hasPrefix("__") {
            throw GraphQLError("Name \"\(name)\" must not begin with \"__\", which is reserved by GraphQL introspection.", at: position)
        }
    }
}
