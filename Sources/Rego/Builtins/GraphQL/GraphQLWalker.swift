/// Callbacks the validation rules register, fired in rule order as gqlparser's `Events` are.
final class GraphQLValidationEvents {
    typealias Handler<T> = (GraphQLWalker, T) -> Void

    var operation: [Handler<GraphQLOperationDefinition>] = []
    var field: [Handler<GraphQLField>] = []
    var fragment: [Handler<GraphQLFragmentDefinition>] = []
    var inlineFragment: [Handler<GraphQLInlineFragment>] = []
    var fragmentSpread: [Handler<GraphQLFragmentSpread>] = []
    var directive: [Handler<GraphQLDirective>] = []
    var directiveList: [Handler<[GraphQLDirective]>] = []
    var value: [Handler<GraphQLValue>] = []
    var variable: [Handler<GraphQLVariableDefinition>] = []
}

/// gqlparser's `Walker`: resolves definitions for every node, then notifies the rules.
final class GraphQLWalker {
    /// Bound on selection nesting (fragment spreads included), so fragment chains cannot exhaust the stack.
    static let maxDepth = 2 * GraphQLParser.maxDepth
    /// Bound on selection visits: fragments are re-walked wherever they are spread, which can be quadratic.
    static let maxVisits = 100_000

    let schema: GraphQLSchema
    let document: GraphQLQueryDocument
    private let events: GraphQLValidationEvents
    private(set) var currentOperation: GraphQLOperationDefinition?
    private var validatedFragmentSpreads: Set<String> = []
    private var depth = 0
    private var visits = 0
    /// Set when the walk stopped early because of `maxDepth` or `maxVisits`.
    private(set) var exceededLimits = false
    /// First fragment of each name, as gqlparser's `ForName` finds it.
    private var fragmentsByName: [String: GraphQLFragmentDefinition] = [:]

    init(schema: GraphQLSchema, document: GraphQLQueryDocument, events: GraphQLValidationEvents) {
        self.schema = schema
        self.document = document
        self.events = events
        for fragment in document.fragments where fragmentsByName[fragment.name] == nil {
            fragmentsByName[fragment.name] = fragment
        }
    }

    func fragment(named name: String) -> GraphQLFragmentDefinition? {
        fragmentsByName[name]
    }

    func walk() {
        for op in document.operations {
            validatedFragmentSpreads = []
            walkOperation(op)
        }
        for frag in document.fragments {
            validatedFragmentSpreads = []
            walkFragment(frag)
        }
    }

    private func walkOperation(_ op: GraphQLOperationDefinition) {
        currentOperation = op
        for varDef in op.variableDefinitions {
            varDef.definition = schema.types[varDef.type.name]
            for handler in events.variable { handler(self, varDef) }
            if let defaultValue = varDef.defaultValue {
                defaultValue.expectedType = varDef.type
                defaultValue.definition = schema.types[varDef.type.name]
            }
        }
        let root: GraphQLDefinition?
        let location: String
        switch op.operation {
        case "mutation": (root, location) = (schema.mutation, "MUTATION")
        case "subscription": (root, location) = (schema.subscription, "SUBSCRIPTION")
        default: (root, location) = (schema.query, "QUERY")
        }
        for varDef in op.variableDefinitions {
            if let defaultValue = varDef.defaultValue { walkValue(defaultValue) }
            walkDirectives(varDef.definition, varDef.directives, "VARIABLE_DEFINITION")
        }
        walkDirectives(root, op.directives, location)
        walkSelectionSet(root, op.selectionSet)
        for handler in events.operation { handler(self, op) }
        currentOperation = nil
    }

    private func walkFragment(_ frag: GraphQLFragmentDefinition) {
        let def = schema.types[frag.typeCondition]
        frag.definition = def
        walkDirectives(def, frag.directives, "FRAGMENT_DEFINITION")
        walkSelectionSet(def, frag.selectionSet)
        for handler in events.fragment { handler(self, frag) }
    }

    private func walkDirectives(_ parent: GraphQLDefinition?, _ directives: [GraphQLDirective], _ location: String) {
        for dir in directives {
            let def = schema.directives[dir.name]
            dir.definition = def
            dir.location = location
            for arg in dir.arguments {
                walkArgument(def?.arguments.first { $0.name == arg.name }, arg)
            }
            for handler in events.directive { handler(self, dir) }
        }
        for handler in events.directiveList { handler(self, directives) }
    }

    private func walkArgument(_ argDef: GraphQLArgumentDefinition?, _ arg: GraphQLArgument) {
        if let argDef {
            arg.value.expectedType = argDef.type
            arg.value.expectedTypeHasDefault = argDef.defaultValue.map { $0.kind != .null } ?? false
            arg.value.definition = schema.types[argDef.type.name]
        }
        walkValue(arg.value)
    }

    private func walkValue(_ value: GraphQLValue) {
        if value.kind == .variable, let op = currentOperation {
            value.variableDefinition = op.variableDefinitions.first { $0.variable == value.raw }
            value.variableDefinition?.used = true
        }
        if value.kind == .object {
            for child in value.children {
                if let fieldDef = value.definition?.field(named: child.name) {
                    child.value.expectedType = fieldDef.type
                    child.value.expectedTypeHasDefault = fieldDef.defaultValue.map { $0.kind != .null } ?? false
                    child.value.definition = schema.types[fieldDef.type.name]
                }
                walkValue(child.value)
            }
        }
        if value.kind == .list {
            for child in value.children {
                if let elem = value.expectedType?.elem {
                    child.value.expectedType = elem
                    child.value.definition = value.definition
                }
                walkValue(child.value)
            }
        }
        for handler in events.value { handler(self, value) }
    }

    private func walkSelectionSet(_ parent: GraphQLDefinition?, _ selections: [GraphQLSelection]) {
        depth += 1
        defer { depth -= 1 }
        for selection in selections {
            visits += 1
            if depth > Self.maxDepth || visits > Self.maxVisits {
                exceededLimits = true
                return
            }
            walkSelection(parent, selection)
        }
    }

    private func walkSelection(_ parent: GraphQLDefinition?, _ selection: GraphQLSelection) {
        switch selection {
        case .field(let field):
            let def: GraphQLFieldDefinition?
            if field.name == "__typename" {
                let typename = GraphQLFieldDefinition()
                typename.name = "__typename"
                typename.type = GraphQLType(named: "String")
                def = typename
            } else {
                def = parent?.field(named: field.name)
            }
            field.definition = def
            field.objectDefinition = parent
            let next = def.flatMap { schema.types[$0.type.name] }
            for arg in field.arguments {
                walkArgument(def?.arguments.first { $0.name == arg.name }, arg)
            }
            walkDirectives(next, field.directives, "FIELD")
            walkSelectionSet(next, field.selectionSet)
            for handler in events.field { handler(self, field) }
        case .inlineFragment(let inline):
            inline.objectDefinition = parent
            let next = inline.typeCondition.isEmpty ? parent : schema.types[inline.typeCondition]
            walkDirectives(next, inline.directives, "INLINE_FRAGMENT")
            walkSelectionSet(next, inline.selectionSet)
            for handler in events.inlineFragment { handler(self, inline) }
        case .fragmentSpread(let spread):
            let def = fragment(named: spread.name)
            spread.definition = def
            spread.objectDefinition = parent
            let next = def.flatMap { schema.types[$0.typeCondition] }
            walkDirectives(next, spread.directives, "FRAGMENT_SPREAD")
            if let def, !validatedFragmentSpreads.contains(def.name) {
                validatedFragmentSpreads.insert(def.name)
                walkSelectionSet(next, def.selectionSet)
            }
            for handler in events.fragmentSpread { handler(self, spread) }
        }
    }
}
