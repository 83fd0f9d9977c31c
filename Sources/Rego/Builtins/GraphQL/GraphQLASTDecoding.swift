import PalisadeCore

/// Rebuilds ASTs from Rego objects (as OPA does through Go's `encoding/json`):
/// field names match case-insensitively, unknown keys and nulls are ignored,
/// and a value of the wrong JSON type is an error.
struct GraphQLASTDecoder {
    private static let maxDepth = 2 * GraphQLParser.maxDepth
    private var depth = 0

    static func queryDocument(_ value: Value) throws -> GraphQLQueryDocument {
        var decoder = GraphQLASTDecoder()
        let doc = GraphQLQueryDocument()
        let o = try decoder.object(value, "ast.QueryDocument")
        doc.operations = try decoder.list(o, "Operations") { d, v in try d.operation(v) }
        doc.fragments = try decoder.list(o, "Fragments") { d, v in try d.fragment(v) }
        return doc
    }

    static func schemaDocument(_ value: Value) throws -> GraphQLSchemaDocument {
        var decoder = GraphQLASTDecoder()
        let doc = GraphQLSchemaDocument()
        let o = try decoder.object(value, "ast.SchemaDocument")
        doc.schema = try decoder.list(o, "Schema") { d, v in try d.schemaDefinition(v) }
        doc.schemaExtension = try decoder.list(o, "SchemaExtension") { d, v in try d.schemaDefinition(v) }
        doc.directives = try decoder.list(o, "Directives") { d, v in try d.directiveDefinition(v) }
        doc.definitions = try decoder.list(o, "Definitions") { d, v in try d.definition(v) }
        doc.extensions = try decoder.list(o, "Extensions") { d, v in try d.definition(v) }
        return doc
    }

    // MARK: Primitives

    private static func mismatch(_ value: Value, _ goType: String) -> GraphQLError {
        GraphQLError("json: cannot unmarshal \(jsonKind(value)) into Go value of type \(goType)", at: nil)
    }

    private static func jsonKind(_ value: Value) -> String {
        switch value {
        case .bool: return "bool"
        case .array, .set: return "array"
        default: return value.typeName
        }
    }

    private func object(_ value: Value, _ goType: String) throws -> [String: Value] {
        guard case .object(let o) = value else { throw Self.mismatch(value, goType) }
        var fields: [String: Value] = [:]
        for (k, v) in o {
            guard case .string(let key) = k else { throw GraphQLError("json: unsupported key type", at: nil) }
            fields[key] = v
        }
        return fields
    }

    /// Go matches JSON keys to field names exactly first, then ignoring case.
    private func field(_ o: [String: Value], _ name: String) -> Value? {
        if let v = o[name] { return v == .null ? nil : v }
        let lower = name.lowercased()
        for key in o.keys.sorted() where key.lowercased() == lower {
            return o[key] == .null ? nil : o[key]
        }
        return nil
    }

    private func string(_ o: [String: Value], _ name: String) throws -> String {
        guard let v = field(o, name) else { return "" }
        guard case .string(let s) = v else { throw Self.mismatch(v, "string") }
        return s
    }

    private func bool(_ o: [String: Value], _ name: String) throws -> Bool {
        guard let v = field(o, name) else { return false }
        guard case .bool(let b) = v else { throw Self.mismatch(v, "bool") }
        return b
    }

    private func strings(_ o: [String: Value], _ name: String) throws -> [String] {
        guard let v = field(o, name) else { return [] }
        return try elements(v).map { item in
            guard case .string(let s) = item else { throw Self.mismatch(item, "string") }
            return s
        }
    }

    private func elements(_ v: Value) throws -> [Value] {
        switch v {
        case .array(let a): return a
        case .set(let s): return s.sorted()
        default: throw Self.mismatch(v, "slice")
        }
    }

    private mutating func list<T>(_ o: [String: Value], _ name: String, _ decode: (inout GraphQLASTDecoder, Value) throws -> T) throws -> [T] {
        guard let v = field(o, name) else { return [] }
        depth += 1
        defer { depth -= 1 }
        if depth > Self.maxDepth { throw GraphQLError("AST object nested too deeply", at: nil) }
        return try elements(v).compactMap { item in item == .null ? nil : try decode(&self, item) }
    }

    private mutating func nested<T>(_ o: [String: Value], _ name: String, _ decode: (inout GraphQLASTDecoder, Value) throws -> T) throws -> T? {
        guard let v = field(o, name) else { return nil }
        depth += 1
        defer { depth -= 1 }
        if depth > Self.maxDepth { throw GraphQLError("AST object nested too deeply", at: nil) }
        return try decode(&self, v)
    }

    // MARK: Query nodes

    private mutating func operation(_ v: Value) throws -> GraphQLOperationDefinition {
        let o = try object(v, "ast.OperationDefinition")
        let op = GraphQLOperationDefinition()
        op.operation = try string(o, "Operation")
        op.name = try string(o, "Name")
        op.variableDefinitions = try list(o, "VariableDefinitions") { d, v in try d.variableDefinition(v) }
        op.directives = try directives(o)
        op.selectionSet = try selections(o)
        return op
    }

    private mutating func fragment(_ v: Value) throws -> GraphQLFragmentDefinition {
        let o = try object(v, "ast.FragmentDefinition")
        let def = GraphQLFragmentDefinition()
        def.name = try string(o, "Name")
        def.variableDefinition = try list(o, "VariableDefinition") { d, v in try d.variableDefinition(v) }
        def.typeCondition = try string(o, "TypeCondition")
        def.directives = try directives(o)
        def.selectionSet = try selections(o)
        return def
    }

    private mutating func variableDefinition(_ v: Value) throws -> GraphQLVariableDefinition {
        let o = try object(v, "ast.VariableDefinition")
        let def = GraphQLVariableDefinition()
        def.variable = try string(o, "Variable")
        def.type = try nested(o, "Type") { d, v in try d.type(v) } ?? GraphQLType()
        def.defaultValue = try nested(o, "DefaultValue") { d, v in try d.value(v) }
        def.directives = try directives(o)
        def.used = try bool(o, "Used")
        return def
    }

    private mutating func selections(_ o: [String: Value]) throws -> [GraphQLSelection] {
        try list(o, "SelectionSet") { d, v in try d.selection(v) }
    }

    /// Fields always carry "Alias" and inline fragments "TypeCondition"; anything else is a spread.
    private mutating func selection(_ v: Value) throws -> GraphQLSelection {
        let o = try object(v, "ast.Selection")
        let hasKey = { (name: String) in o.keys.contains { $0.lowercased() == name.lowercased() } }
        if hasKey("Alias") {
            let f = GraphQLField()
            f.alias = try string(o, "Alias")
            f.name = try string(o, "Name")
            f.arguments = try arguments(o)
            f.directives = try directives(o)
            f.selectionSet = try selections(o)
            return .field(f)
        }
        if hasKey("TypeCondition") || hasKey("SelectionSet") {
            let f = GraphQLInlineFragment()
            f.typeCondition = try string(o, "TypeCondition")
            f.directives = try directives(o)
            f.selectionSet = try selections(o)
            return .inlineFragment(f)
        }
        let s = GraphQLFragmentSpread()
        s.name = try string(o, "Name")
        s.directives = try directives(o)
        return .fragmentSpread(s)
    }

    private mutating func arguments(_ o: [String: Value]) throws -> [GraphQLArgument] {
        try list(o, "Arguments") { d, v in
            let a = try d.object(v, "ast.Argument")
            let value = try d.nested(a, "Value") { d, v in try d.value(v) }
            return GraphQLArgument(name: try d.string(a, "Name"), value: value ?? GraphQLValue(kind: .variable, position: nil), position: nil)
        }
    }

    private mutating func directives(_ o: [String: Value]) throws -> [GraphQLDirective] {
        try list(o, "Directives") { d, v in
            let a = try d.object(v, "ast.Directive")
            let dir = GraphQLDirective(name: try d.string(a, "Name"), arguments: try d.arguments(a), position: nil)
            dir.location = try d.string(a, "Location")
            return dir
        }
    }

    private mutating func value(_ v: Value) throws -> GraphQLValue {
        let o = try object(v, "ast.Value")
        var kind = GraphQLValueKind.variable
        if let k = field(o, "Kind") {
            guard case .number(let n) = k, let i = n.intValue else { throw Self.mismatch(k, "ast.ValueKind") }
            // Go accepts any integer here; kinds outside the enum make gqlparser panic, so reject them.
            guard let known = GraphQLValueKind(rawValue: i) else { throw GraphQLError("unknown value kind \(i)", at: nil) }
            kind = known
        }
        let value = GraphQLValue(kind: kind, raw: try string(o, "Raw"), position: nil)
        value.expectedTypeHasDefault = try bool(o, "ExpectedTypeHasDefault")
        value.children = try list(o, "Children") { d, v in
            let c = try d.object(v, "ast.ChildValue")
            let child = try d.nested(c, "Value") { d, v in try d.value(v) }
            return GraphQLChildValue(name: try d.string(c, "Name"), value: child ?? GraphQLValue(kind: .null, position: nil), position: nil)
        }
        return value
    }

    private mutating func type(_ v: Value) throws -> GraphQLType {
        let o = try object(v, "ast.Type")
        let t = GraphQLType(named: try string(o, "NamedType"), nonNull: try bool(o, "NonNull"))
        t.elem = try nested(o, "Elem") { d, v in try d.type(v) }
        return t
    }

    // MARK: Schema nodes

    private mutating func schemaDefinition(_ v: Value) throws -> GraphQLSchemaDefinition {
        let o = try object(v, "ast.SchemaDefinition")
        let def = GraphQLSchemaDefinition()
        def.description = try string(o, "Description")
        def.directives = try directives(o)
        def.operationTypes = try list(o, "OperationTypes") { d, v in
            let t = try d.object(v, "ast.OperationTypeDefinition")
            let op = GraphQLOperationTypeDefinition()
            op.operation = try d.string(t, "Operation")
            op.type = try d.string(t, "Type")
            return op
        }
        return def
    }

    private mutating func directiveDefinition(_ v: Value) throws -> GraphQLDirectiveDefinition {
        let o = try object(v, "ast.DirectiveDefinition")
        let def = GraphQLDirectiveDefinition()
        def.description = try string(o, "Description")
        def.name = try string(o, "Name")
        def.arguments = try list(o, "Arguments") { d, v in try d.argumentDefinition(v) }
        def.locations = try strings(o, "Locations")
        def.isRepeatable = try bool(o, "IsRepeatable")
        return def
    }

    private mutating func definition(_ v: Value) throws -> GraphQLDefinition {
        let o = try object(v, "ast.Definition")
        let def = GraphQLDefinition()
        def.kind = try string(o, "Kind")
        def.description = try string(o, "Description")
        def.name = try string(o, "Name")
        def.directives = try directives(o)
        def.interfaces = try strings(o, "Interfaces")
        def.fields = try list(o, "Fields") { d, v in try d.fieldDefinition(v) }
        def.types = try strings(o, "Types")
        def.enumValues = try list(o, "EnumValues") { d, v in
            let e = try d.object(v, "ast.EnumValueDefinition")
            let value = GraphQLEnumValueDefinition()
            value.description = try d.string(e, "Description")
            value.name = try d.string(e, "Name")
            value.directives = try d.directives(e)
            return value
        }
        def.builtIn = try bool(o, "BuiltIn")
        return def
    }

    private mutating func fieldDefinition(_ v: Value) throws -> GraphQLFieldDefinition {
        let o = try object(v, "ast.FieldDefinition")
        let def = GraphQLFieldDefinition()
        def.description = try string(o, "Description")
        def.name = try string(o, "Name")
        def.arguments = try list(o, "Arguments") { d, v in try d.argumentDefinition(v) }
        def.defaultValue = try nested(o, "DefaultValue") { d, v in try d.value(v) }
        def.type = try nested(o, "Type") { d, v in try d.type(v) } ?? GraphQLType()
        def.directives = try directives(o)
        return def
    }

    private mutating func argumentDefinition(_ v: Value) throws -> GraphQLArgumentDefinition {
        let o = try object(v, "ast.ArgumentDefinition")
        let def = GraphQLArgumentDefinition()
        def.description = try string(o, "Description")
        def.name = try string(o, "Name")
        def.defaultValue = try nested(o, "DefaultValue") { d, v in try d.value(v) }
        def.type = try nested(o, "Type") { d, v in try d.type(v) } ?? GraphQLType()
        def.directives = try directives(o)
        return def
    }
}
