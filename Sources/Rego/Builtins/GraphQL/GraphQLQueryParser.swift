/// Executable documents (queries, mutations, subscriptions, fragments).
extension GraphQLParser {
    static func parseQuery(_ source: String) throws -> GraphQLQueryDocument {
        var parser = GraphQLParser(source)
        return try parser.parseQueryDocument()
    }

    mutating func parseQueryDocument() throws -> GraphQLQueryDocument {
        let doc = GraphQLQueryDocument()
        while peek().kind != .eof {
            let token = peek()
            switch token.kind {
            case .name where ["query", "mutation", "subscription"].contains(token.value):
                doc.operations.append(try parseOperationDefinition())
            case .name where token.value == "fragment":
                doc.fragments.append(try parseFragmentDefinition())
            case .braceL:
                doc.operations.append(try parseOperationDefinition())
            default:
                throw unexpected()
            }
        }
        return doc
    }

    private mutating func parseOperationDefinition() throws -> GraphQLOperationDefinition {
        let op = GraphQLOperationDefinition()
        op.position = peekPosition()
        if peek().kind == .braceL {
            op.operation = "query"
            op.selectionSet = try parseRequiredSelectionSet()
            return op
        }
        op.operation = try parseOperationType()
        if peek().kind == .name { op.name = try next().value }
        op.variableDefinitions = try parseVariableDefinitions()
        op.directives = try parseDirectives(isConst: false)
        op.selectionSet = try parseRequiredSelectionSet()
        return op
    }

    private mutating func parseVariableDefinitions() throws -> [GraphQLVariableDefinition] {
        var defs: [GraphQLVariableDefinition] = []
        try many(.parenL, .parenR) { p in
            let def = GraphQLVariableDefinition()
            def.position = p.peekPosition()
            def.variable = try p.parseVariable()
            _ = try p.expect(.colon)
            def.type = try p.parseTypeReference()
            if try p.skip(.equals) { def.defaultValue = try p.parseValueLiteral(isConst: true) }
            def.directives = try p.parseDirectives(isConst: false)
            defs.append(def)
        }
        return defs
    }

    private mutating func parseRequiredSelectionSet() throws -> [GraphQLSelection] {
        if peek().kind != .braceL {
            throw error(peek(), "Expected {, found \(peek().kind.text)")
        }
        return try parseSelectionSet()
    }

    private mutating func parseSelectionSet() throws -> [GraphQLSelection] {
        try enterNesting()
        defer { leaveNesting() }
        var selections: [GraphQLSelection] = []
        try some(.braceL, .braceR) { p in
            selections.append(try p.parseSelection())
        }
        return selections
    }

    private mutating func parseSelection() throws -> GraphQLSelection {
        if peek().kind == .spread { return try parseFragment() }
        let field = GraphQLField()
        field.position = peekPosition()
        field.alias = try parseName()
        field.name = try skip(.colon) ? try parseName() : field.alias
        field.arguments = try parseArguments(isConst: false)
        field.directives = try parseDirectives(isConst: false)
        if peek().kind == .braceL { field.selectionSet = try parseSelectionSet() }
        return .field(field)
    }

    private mutating func parseFragment() throws -> GraphQLSelection {
        _ = try expect(.spread)
        let token = peek()
        if token.kind == .name && token.value != "on" {
            let spread = GraphQLFragmentSpread()
            spread.position = token.position
            spread.name = try parseFragmentName()
            spread.directives = try parseDirectives(isConst: false)
            return .fragmentSpread(spread)
        }
        let inline = GraphQLInlineFragment()
        inline.position = token.position
        if token.value == "on" {
            try next()
            inline.typeCondition = try parseName()
        }
        inline.directives = try parseDirectives(isConst: false)
        inline.selectionSet = try parseRequiredSelectionSet()
        return .inlineFragment(inline)
    }

    private mutating func parseFragmentDefinition() throws -> GraphQLFragmentDefinition {
        let def = GraphQLFragmentDefinition()
        def.position = peekPosition()
        try expectKeyword("fragment")
        def.name = try parseFragmentName()
        def.variableDefinition = try parseVariableDefinitions()
        try expectKeyword("on")
        def.typeCondition = try parseName()
        def.directives = try parseDirectives(isConst: false)
        def.selectionSet = try parseRequiredSelectionSet()
        return def
    }

    private mutating func parseFragmentName() throws -> String {
        if peek().value == "on" { throw unexpected() }
        return try parseName()
    }
}
