/// Type system documents (SDL).
extension GraphQLParser {
    static func parseSchema(_ source: String, name: String = "", builtIn: Bool = false) throws -> GraphQLSchemaDocument {
        var parser = GraphQLParser(source, name: name)
        let doc = try parser.parseSchemaDocument()
        for def in doc.definitions + doc.extensions { def.builtIn = builtIn }
        return doc
    }

    private static let typeKeywords: Set<String> = ["scalar", "type", "interface", "union", "enum", "input"]

    mutating func parseSchemaDocument() throws -> GraphQLSchemaDocument {
        let doc = GraphQLSchemaDocument()
        while peek().kind != .eof {
            var description = ""
            if peek().kind == .blockString || peek().kind == .string { description = try next().value }
            guard peek().kind == .name else { throw unexpected() }
            let keyword = peek().value
            if Self.typeKeywords.contains(keyword) {
                doc.definitions.append(try parseTypeDefinition(keyword, description: description, isExtension: false))
            } else if keyword == "schema" {
                try expectKeyword("schema")
                doc.schema.append(try parseSchemaBody(description: description, isExtension: false))
            } else if keyword == "directive" {
                doc.directives.append(try parseDirectiveDefinition(description: description))
            } else if keyword == "extend" {
                if !description.isEmpty { throw unexpected(prev) }
                try parseExtension(into: doc)
            } else {
                throw unexpected()
            }
        }
        return doc
    }

    private mutating func parseDescription() throws -> String {
        let kind = peek().kind
        guard kind == .blockString || kind == .string else { return "" }
        return try next().value
    }

    private mutating func parseExtension(into doc: GraphQLSchemaDocument) throws {
        try expectKeyword("extend")
        let keyword = peek().value
        if keyword == "schema" {
            try expectKeyword("schema")
            doc.schemaExtension.append(try parseSchemaBody(description: "", isExtension: true))
        } else if Self.typeKeywords.contains(keyword) {
            doc.extensions.append(try parseTypeDefinition(keyword, description: "", isExtension: true))
        } else {
            throw unexpected()
        }
    }

    private mutating func parseSchemaBody(description: String, isExtension: Bool) throws -> GraphQLSchemaDefinition {
        let def = GraphQLSchemaDefinition()
        def.position = peekPosition()
        def.description = description
        def.directives = try parseDirectives(isConst: true)
        try some(.braceL, .braceR) { p in
            let op = GraphQLOperationTypeDefinition()
            op.position = p.peekPosition()
            op.operation = try p.parseOperationType()
            _ = try p.expect(.colon)
            op.type = try p.parseName()
            def.operationTypes.append(op)
        }
        if isExtension && def.directives.isEmpty && def.operationTypes.isEmpty { throw unexpected() }
        return def
    }

    private mutating func parseTypeDefinition(_ keyword: String, description: String, isExtension: Bool) throws -> GraphQLDefinition {
        try expectKeyword(keyword)
        let def = GraphQLDefinition()
        def.position = peekPosition()
        def.description = description
        def.name = try parseName()
        switch keyword {
        case "scalar":
            def.kind = GraphQLDefinition.scalar
            def.directives = try parseDirectives(isConst: true)
        case "type", "interface":
            def.kind = keyword == "type" ? GraphQLDefinition.object : GraphQLDefinition.interface
            // gqlparser does not accept `implements` on interface extensions.
            if !(isExtension && keyword == "interface") { def.interfaces = try parseImplementsInterfaces() }
            def.directives = try parseDirectives(isConst: true)
            def.fields = try parseFieldsDefinition(input: false)
        case "union":
            def.kind = GraphQLDefinition.union
            def.directives = try parseDirectives(isConst: true)
            def.types = try parseUnionMemberTypes()
        case "enum":
            def.kind = GraphQLDefinition.enumKind
            def.directives = try parseDirectives(isConst: true)
            def.enumValues = try parseEnumValues()
        default:
            def.kind = GraphQLDefinition.inputObject
            def.directives = try parseDirectives(isConst: !isExtension)
            def.fields = try parseFieldsDefinition(input: true)
        }
        if isExtension && def.directives.isEmpty && def.interfaces.isEmpty && def.fields.isEmpty
            && def.types.isEmpty && def.enumValues.isEmpty {
            throw unexpected()
        }
        return def
    }

    private mutating func parseImplementsInterfaces() throws -> [String] {
        guard peek().value == "implements" else { return [] }
        try next()
        _ = try skip(.amp)
        var types = [try parseName()]
        while try skip(.amp) { types.append(try parseName()) }
        return types
    }

    private mutating func parseUnionMemberTypes() throws -> [String] {
        guard try skip(.equals) else { return [] }
        _ = try skip(.pipe)
        var types = [try parseName()]
        while try skip(.pipe) { types.append(try parseName()) }
        return types
    }

    private mutating func parseFieldsDefinition(input: Bool) throws -> [GraphQLFieldDefinition] {
        var fields: [GraphQLFieldDefinition] = []
        try some(.braceL, .braceR) { p in
            let def = GraphQLFieldDefinition()
            def.position = p.peekPosition()
            def.description = try p.parseDescription()
            def.name = try p.parseName()
            if !input { def.arguments = try p.parseArgumentDefinitions() }
            _ = try p.expect(.colon)
            def.type = try p.parseTypeReference()
            if input, try p.skip(.equals) { def.defaultValue = try p.parseValueLiteral(isConst: true) }
            def.directives = try p.parseDirectives(isConst: true)
            fields.append(def)
        }
        return fields
    }

    private mutating func parseArgumentDefinitions() throws -> [GraphQLArgumentDefinition] {
        var args: [GraphQLArgumentDefinition] = []
        try some(.parenL, .parenR) { p in
            let def = GraphQLArgumentDefinition()
            def.position = p.peekPosition()
            def.description = try p.parseDescription()
            def.name = try p.parseName()
            _ = try p.expect(.colon)
            def.type = try p.parseTypeReference()
            if try p.skip(.equals) { def.defaultValue = try p.parseValueLiteral(isConst: true) }
            def.directives = try p.parseDirectives(isConst: true)
            args.append(def)
        }
        return args
    }

    private mutating func parseEnumValues() throws -> [GraphQLEnumValueDefinition] {
        var values: [GraphQLEnumValueDefinition] = []
        try some(.braceL, .braceR) { p in
            let def = GraphQLEnumValueDefinition()
            def.position = p.peekPosition()
            def.description = try p.parseDescription()
            def.name = try p.parseName()
            def.directives = try p.parseDirectives(isConst: true)
            values.append(def)
        }
        return values
    }

    private static let directiveLocations: Set<String> = [
        "QUERY", "MUTATION", "SUBSCRIPTION", "FIELD", "FRAGMENT_DEFINITION", "FRAGMENT_SPREAD",
        "INLINE_FRAGMENT", "VARIABLE_DEFINITION", "SCHEMA", "SCALAR", "OBJECT", "FIELD_DEFINITION",
        "ARGUMENT_DEFINITION", "INTERFACE", "UNION", "ENUM", "ENUM_VALUE", "INPUT_OBJECT", "INPUT_FIELD_DEFINITION",
    ]

    private mutating func parseDirectiveDefinition(description: String) throws -> GraphQLDirectiveDefinition {
        try expectKeyword("directive")
        _ = try expect(.at)
        let def = GraphQLDirectiveDefinition()
        def.position = peekPosition()
        def.description = description
        def.name = try parseName()
        def.arguments = try parseArgumentDefinitions()
        if peek().kind == .name && peek().value == "repeatable" {
            def.isRepeatable = true
            try next()
        }
        try expectKeyword("on")
        _ = try skip(.pipe)
        repeat {
            let token = try expect(.name)
            guard Self.directiveLocations.contains(token.value) else { throw unexpected(token) }
            def.locations.append(token.value)
        } while try skip(.pipe)
        return def
    }
}
