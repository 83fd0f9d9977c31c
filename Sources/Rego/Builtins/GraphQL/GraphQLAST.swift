// The GraphQL AST, shaped like gqlparser's so it converts to the same JSON.
// Nodes are classes because the validator annotates them in place, as gqlparser does.

enum GraphQLValueKind: Int, Sendable {
    case variable = 0, int, float, string, block, boolean, null, enumValue, list, object
}

final class GraphQLType {
    var namedType = ""
    var elem: GraphQLType?
    var nonNull = false
    var position: GraphQLPosition?

    init(named: String = "", elem: GraphQLType? = nil, nonNull: Bool = false, position: GraphQLPosition? = nil) {
        self.namedType = named
        self.elem = elem
        self.nonNull = nonNull
        self.position = position
    }

    /// The innermost named type (gqlparser's `Type.Name()`); bounded by the type's nesting.
    var name: String {
        var t = self
        while t.namedType.isEmpty, let e = t.elem { t = e }
        return t.namedType
    }

    var text: String {
        let bang = nonNull ? "!" : ""
        if !namedType.isEmpty { return namedType + bang }
        return "[" + (elem?.text ?? "") + "]" + bang
    }

    func isCompatible(with other: GraphQLType) -> Bool {
        if namedType != other.namedType { return false }
        if let e = elem {
            guard let o = other.elem, e.isCompatible(with: o) else { return false }
        }
        if other.nonNull { return nonNull }
        return true
    }

    func copy() -> GraphQLType {
        GraphQLType(named: namedType, elem: elem, nonNull: nonNull, position: position)
    }
}

final class GraphQLChildValue {
    var name = ""
    var value: GraphQLValue
    var position: GraphQLPosition?

    init(name: String, value: GraphQLValue, position: GraphQLPosition?) {
        self.name = name
        self.value = value
        self.position = position
    }
}

final class GraphQLValue {
    var raw = ""
    var children: [GraphQLChildValue] = []
    var kind: GraphQLValueKind
    var position: GraphQLPosition?
    var expectedTypeHasDefault = false
    // Set by validation.
    var definition: GraphQLDefinition?
    var variableDefinition: GraphQLVariableDefinition?
    var expectedType: GraphQLType?

    init(kind: GraphQLValueKind, raw: String = "", children: [GraphQLChildValue] = [], position: GraphQLPosition?) {
        self.kind = kind
        self.raw = raw
        self.children = children
        self.position = position
    }

    /// gqlparser's `Value.String()`.
    var text: String {
        switch kind {
        case .variable: return "$" + raw
        case .int, .float, .enumValue, .boolean, .null: return raw
        case .string, .block: return graphQLGoQuote(raw)
        case .list: return "[" + children.map { $0.value.text }.joined(separator: ",") + "]"
        case .object: return "{" + children.map { $0.name + ":" + $0.value.text }.joined(separator: ",") + "}"
        }
    }
}

final class GraphQLArgument {
    var name = ""
    var value: GraphQLValue
    var position: GraphQLPosition?

    init(name: String, value: GraphQLValue, position: GraphQLPosition?) {
        self.name = name
        self.value = value
        self.position = position
    }
}

final class GraphQLDirective {
    var name = ""
    var arguments: [GraphQLArgument] = []
    var position: GraphQLPosition?
    var location = ""
    // Set by validation.
    var definition: GraphQLDirectiveDefinition?

    init(name: String, arguments: [GraphQLArgument], position: GraphQLPosition?) {
        self.name = name
        self.arguments = arguments
        self.position = position
    }
}

final class GraphQLVariableDefinition {
    var variable = ""
    var type = GraphQLType()
    var defaultValue: GraphQLValue?
    var directives: [GraphQLDirective] = []
    var position: GraphQLPosition?
    var used = false
    // Set by validation.
    var definition: GraphQLDefinition?
}

enum GraphQLSelection {
    case field(GraphQLField)
    case inlineFragment(GraphQLInlineFragment)
    case fragmentSpread(GraphQLFragmentSpread)
}

final class GraphQLField {
    var alias = ""
    var name = ""
    var arguments: [GraphQLArgument] = []
    var directives: [GraphQLDirective] = []
    var selectionSet: [GraphQLSelection] = []
    var position: GraphQLPosition?
    // Set by validation.
    var definition: GraphQLFieldDefinition?
    var objectDefinition: GraphQLDefinition?
}

final class GraphQLInlineFragment {
    var typeCondition = ""
    var directives: [GraphQLDirective] = []
    var selectionSet: [GraphQLSelection] = []
    var position: GraphQLPosition?
    var objectDefinition: GraphQLDefinition?
}

final class GraphQLFragmentSpread {
    var name = ""
    var directives: [GraphQLDirective] = []
    var position: GraphQLPosition?
    var definition: GraphQLFragmentDefinition?
    var objectDefinition: GraphQLDefinition?
}

final class GraphQLFragmentDefinition {
    var name = ""
    var variableDefinition: [GraphQLVariableDefinition] = []
    var typeCondition = ""
    var directives: [GraphQLDirective] = []
    var selectionSet: [GraphQLSelection] = []
    var position: GraphQLPosition?
    var definition: GraphQLDefinition?
}

final class GraphQLOperationDefinition {
    var operation = ""
    var name = ""
    var variableDefinitions: [GraphQLVariableDefinition] = []
    var directives: [GraphQLDirective] = []
    var selectionSet: [GraphQLSelection] = []
    var position: GraphQLPosition?
}

final class GraphQLQueryDocument {
    var operations: [GraphQLOperationDefinition] = []
    var fragments: [GraphQLFragmentDefinition] = []
}

// MARK: Schema documents

final class GraphQLArgumentDefinition {
    var description = ""
    var name = ""
    var defaultValue: GraphQLValue?
    var type = GraphQLType()
    var directives: [GraphQLDirective] = []
    var position: GraphQLPosition?
}

final class GraphQLFieldDefinition {
    var description = ""
    var name = ""
    var arguments: [GraphQLArgumentDefinition] = []
    var defaultValue: GraphQLValue?
    var type = GraphQLType()
    var directives: [GraphQLDirective] = []
    var position: GraphQLPosition?
}

final class GraphQLEnumValueDefinition {
    var description = ""
    var name = ""
    var directives: [GraphQLDirective] = []
    var position: GraphQLPosition?
}

final class GraphQLDefinition {
    var kind = ""
    var description = ""
    var name = ""
    var directives: [GraphQLDirective] = []
    var interfaces: [String] = []
    var fields: [GraphQLFieldDefinition] = []
    var types: [String] = []
    var enumValues: [GraphQLEnumValueDefinition] = []
    var position: GraphQLPosition?
    var builtIn = false

    static let scalar = "SCALAR", object = "OBJECT", interface = "INTERFACE"
    static let union = "UNION", enumKind = "ENUM", inputObject = "INPUT_OBJECT"

    var isLeafType: Bool { kind == Self.enumKind || kind == Self.scalar }
    var isAbstractType: Bool { kind == Self.interface || kind == Self.union }
    var isCompositeType: Bool { kind == Self.object || kind == Self.interface || kind == Self.union }
    var isInputType: Bool { kind == Self.scalar || kind == Self.enumKind || kind == Self.inputObject }

    func field(named name: String) -> GraphQLFieldDefinition? { fields.first { $0.name == name } }
}

final class GraphQLDirectiveDefinition {
    var description = ""
    var name = ""
    var arguments: [GraphQLArgumentDefinition] = []
    var locations: [String] = []
    var isRepeatable = false
    var position: GraphQLPosition?
}

final class GraphQLOperationTypeDefinition {
    var operation = ""
    var type = ""
    var position: GraphQLPosition?
}

final class GraphQLSchemaDefinition {
    var description = ""
    var directives: [GraphQLDirective] = []
    var operationTypes: [GraphQLOperationTypeDefinition] = []
    var position: GraphQLPosition?
}

final class GraphQLSchemaDocument {
    var schema: [GraphQLSchemaDefinition] = []
    var schemaExtension: [GraphQLSchemaDefinition] = []
    var directives: [GraphQLDirectiveDefinition] = []
    var definitions: [GraphQLDefinition] = []
    var extensions: [GraphQLDefinition] = []

    func merge(_ other: GraphQLSchemaDocument) {
        schema += other.schema
        schemaExtension += other.schemaExtension
        directives += other.directives
        definitions += other.definitions
        extensions += other.extensions
    }
}
