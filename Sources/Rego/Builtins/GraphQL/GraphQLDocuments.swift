import PalisadeCore

/// The steps the builtins share: reading operands, building schemas, validating,
/// and wording errors the way OPA's topdown/graphql.go does.
enum GraphQLDocuments {
    static func query(_ args: BuiltinArgs, _ i: Int) throws -> GraphQLQueryDocument {
        switch args[i] {
        case .string(let source): return try located(args) { try GraphQLParser.parseQuery(source) }
        case .object: return try plain(args) { try GraphQLASTDecoder.queryDocument(args[i]) }
        default: throw operandError(args, i)
        }
    }

    /// The schema document and its AST object (taken before validation, which extends the types).
    static func schema(_ args: BuiltinArgs, _ i: Int) throws -> (GraphQLSchemaDocument, Value) {
        let doc: GraphQLSchemaDocument
        switch args[i] {
        case .string(let source): doc = try located(args) { try GraphQLParser.parseSchema(source) }
        case .object: doc = try plain(args) { try GraphQLASTDecoder.schemaDocument(args[i]) }
        default: throw operandError(args, i)
        }
        return (doc, GraphQLASTEncoder.encode(doc))
    }

    /// OPA passes zero-based positions here, unlike its other builtins.
    private static func operandError(_ args: BuiltinArgs, _ i: Int) -> BuiltinError {
        BuiltinError(.type, "\(args.name): operand \(i) must be one of {string, object} but got \(args[i].typeName)")
    }

    static func build(_ args: BuiltinArgs, _ doc: GraphQLSchemaDocument) throws -> GraphQLSchema {
        do {
            return try GraphQLSchema.build(from: doc)
        } catch let error as GraphQLError {
            throw args.failure("Error in gqlparser SchemaDocument to Schema conversion: \(error.goText)")
        }
    }

    static func validate(_ args: BuiltinArgs, _ schema: GraphQLSchema, _ query: GraphQLQueryDocument) throws {
        let errors = GraphQLValidator.validate(schema, query)
        guard let first = errors.first else { return }
        // Errors without a location (AST objects carry none) would make OPA's splitting panic; report them plainly.
        guard first.position != nil else { throw args.failure(first.message) }
        // OPA splits the whole error list's text at its first location, so later errors trail along.
        let text = errors.map { $0.goText + "\n" }.joined()
        throw args.failure(locatedMessage(text, trimmingPeriod: true))
    }

    /// Runs a parse, rewording gqlparser's `input:L:C: msg` as `msg in GraphQL string at location L:C`.
    static func located<T>(_ args: BuiltinArgs, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as GraphQLError {
            throw args.failure(locatedMessage(error.goText, trimmingPeriod: false))
        }
    }

    private static func plain<T>(_ args: BuiltinArgs, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as GraphQLError {
            throw args.failure(error.message)
        }
    }

    private static func locatedMessage(_ text: String, trimmingPeriod: Bool) -> String {
        let parts = text.split(separator: ":", maxSplits: 3, omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 4 else { return text.trimmingSuffix(".\n") }
        var message = String(parts[3].drop { $0 == " " })
        if trimmingPeriod { message = message.trimmingSuffix(".\n") }
        return "\(message) in GraphQL string at location \(parts[1]):\(parts[2])"
    }
}

private extension String {
    func trimmingSuffix(_ suffix: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) : self
    }
}
