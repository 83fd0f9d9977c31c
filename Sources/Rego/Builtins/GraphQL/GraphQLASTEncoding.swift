import PalisadeCore

/// Converts ASTs to the Rego objects OPA returns: gqlparser's structs as JSON,
/// without `Position`, nulls and empty arrays/objects.
private struct GraphQLObjectBuilder {
    var fields: [Value: Value] = [:]

    mutating func set(_ key: String, _ value: String) { fields[.string(key)] = .string(value) }
    mutating func set(_ key: String, _ value: Bool) { fields[.string(key)] = .bool(value) }
    mutating func set(_ key: String, _ value: Int) { fields[.string(key)] = .int(value) }

    mutating func set(_ key: String, _ value: Value?) {
        guard let value else { return }
        switch value {
        case .array(let a) where a.isEmpty: return
        case .object(let o) where o.isEmpty: return
        default: fields[.string(key)] = value
        }
    }

    mutating func set(_ key: String, strings: [String]) { set(key, .array(strings.map(Value.string))) }

    var value: Value { .object(fields) }
}

enum GraphQLASTEncoder {
    static func encode(_ doc: GraphQLQueryDocument) -> Value {
        var b = GraphQLObjectBuilder()
        b.set("Operations", .array(doc.operations.map(encode)))
        b.set("Fragments", .array(doc.fragments.map(encode)))
        return b.value
    }

    static func encode(_ doc: GraphQLSchemaDocument) -> Value {
        var b = GraphQLObjectBuilder()
        b.set("Schema", .array(doc.schema.map(encode)))
        b.set("SchemaExtension", .array(doc.schemaExtension.map(encode)))
        b.set("Directives", .array(doc.directives.map(encode)))
        b.set("Definitions", .array(doc.definitions.map(encode)))
        b.set("Extensions", .array(doc.extensions.map(encode)))
        return b.value
    }

    // MARK: Queries

    private static func encode(_ op: GraphQLOperationDefinition) -> Value {
        var b = GraphQLObjectBuilder()
        b.set("Operation", op.operation)
        b.set("Name", op.name)
        b.set("VariableDefinitions", .array(op.variableDefinitions.map(encode)))
        b.set("Directives", encode(op.directives))
        b.set("SelectionSet", encode(op.selectionSet))
        return b.value
    }

    private static func encode(_ def: GraphQLFragmentDefinition) -> Value {
        var b = GraphQLObjectBuilder()
        b.set("Name", def.name)
        b.set("VariableDefinition", .array(def.variableDefinition.map(encode)))
        b.set("TypeCondition", def.typeCondition)
        b.set("Directives", encode(def.directives))
        b.set("SelectionSet", encode(def.selectionSet))
        return b.value
    }

    private static func encode(_ def: GraphQLVariableDefinition) -> Value {
        var b = GraphQLObjectBuilder()
        b.set("Variable", def.variable)
        b.set("Type", encode(def.type))
        b.set("DefaultValue", def.defaultValue.map(encode))
        b.set("Directives", encode(def.directives))
        b.set("Used", def.used)
        return b.value
    }

    private static func encode(_ selections: [GraphQLSelection]) -> Value {
        .array(selections.map { selection in
            var b = GraphQLObjectBuilder()
            switch selection {
            case .field(let f):
                b.set("Alias", f.alias)
                b.set("Name", f.name)
                b.set("Arguments", encode(f.arguments))
                b.set("Directives", encode(f.directives))
                b.set("SelectionSet", encode(f.selectionSet))
            case .inlineFragment(let f):
                b.set("TypeCondition", f.typeCondition)
                b.set("Directives", encode(f.directives))
                b.set("SelectionSet", encode(f.selectionSet))
            case .fragmentSpread(let s):
                b.set("Name", s.name)
                b.set("Directives", encode(s.directives))
            }
            return b.value
        })
    }

    private static func encode(_ arguments: [GraphQLArgument]) -> Value {
        .array(arguments.map { arg in
            var b = GraphQLObjectBuilder()
            b.set("Name", arg.name)
            b.set("Value", encode(arg.value))
            return b.value
        })
    }

    private static func encode(_ directives: [GraphQLDirective]) -> Value {
        .array(directives.map { dir in
            var b = GraphQLObjectBuilder()
            b.set("Name", dir.name)
            b.set("Arguments", encode(dir.arguments))
            b.set("Location", dir.location)
            return b.value
        })
    }

    static func encode(_ value: GraphQLValue) -> Value {
        var b = GraphQLObjectBuilder()
        b.set("Raw", value.raw)
        b.set("Children", .array(value.children.map { child in
            var c = GraphQLObjectBuilder()
            c.set("Name", child.name)
            c.set("Value", encode(child.value))
            return c.value
        }))
        b.set("Kind", value.kind.rawValue)
        b.set("ExpectedTypeHasDefault", value.expectedTypeHasDefault)
        return b.value
    }

    static func encode(_ type: GraphQLType) -> Value {
        var b = GraphQLObjectBuilder()
        b.set("NamedType", type.namedType)
        b.set("Elem", type.elem.map(encode))
        b.set("NonNull", type.nonNull)
        return b.value
    }

    // MARK: Schemas

    private static func encode(_ def: GraphQLSchemaDefinition) -> Value {
        var b = GraphQLObjectBuilder()
        b.set("Description", def.description)
        b.set("Directives", encode(def.directives))
        b.set("OperationTypes", .array(def.operationTypes.map { op in
            var o = GraphQLObjectBuilder()
            o.set("Operation", op.operation)
            o.set("Type", op.type)
            return o.value
        }))
        return b.value
    }

    private static func encode(_ def: GraphQLDirectiveDefinition) -> Value {
        var b = GraphQLObjectBuilder()
        b.set("Description", def.description)
        b.set("Name", def.name)
        b.set("Arguments", .array(def.arguments.map(encode)))
        b.set("Locations", strings: def.locations)
        b.set("IsRepeatable", def.isRepeatable)
        return b.value
    }

    private static func encode(_ def: GraphQLDefinition) -> Value {
        var b = GraphQLObjectBuilder()
        b.set("Kind", def.kind)
        b.set("Description", def.description)
        b.set("Name", def.name)
        b.set("Directives", encode(def.directives))
        b.set("Interfaces", strings: def.interfaces)
        b.set("Fields", .array(def.fields.map(encode)))
        b.set("Types", strings: def.types)
        b.set("EnumValues", .array(def.enumValues.map { value in
            var e = GraphQLObjectBuilder()
            e.set("Description", value.description)
            e.set("Name", value.name)
            e.set("Directives", encode(value.directives))
            return e.value
        }))
        b.set("BuiltIn", def.builtIn)
        return b.value
    }

    private static func encode(_ def: GraphQLFieldDefinition) -> Value {
        var b = GraphQLObjectBuilder()
        b.set("Description", def.description)
        b.set("Name", def.name)
        b.set("Arguments", .array(def.arguments.map(encode)))
        b.set("DefaultValue", def.defaultValue.map(encode))
        b.set("Type", encode(def.type))
        b.set("Directives", encode(def.directives))
        return b.value
    }

    private static func encode(_ def: GraphQLArgumentDefinition) -> Value {
        var b = GraphQLObjectBuilder()
        b.set("Description", def.description)
        b.set("Name", def.name)
        b.set("DefaultValue", def.defaultValue.map(encode))
        b.set("Type", encode(def.type))
        b.set("Directives", encode(def.directives))
        return b.value
    }
}
