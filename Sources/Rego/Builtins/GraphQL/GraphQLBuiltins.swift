import PalisadeCore

/// OPA's `graphql.*` builtins, backed by a port of gqlparser (the library OPA uses).
enum GraphQLBuiltins {
    static var all: [Builtin] {
        [parse, parseAndVerify, parseQuery, parseSchema, isValid, schemaIsValid]
    }

    /// `graphql.parse(query, schema)`: `[query_ast, schema_ast]`, or an error.
    static var parse: Builtin {
        Builtin("graphql.parse", arity: 2) { args, _ in
            let query = try GraphQLDocuments.query(args, 0)
            let (schemaDoc, schemaAST) = try GraphQLDocuments.schema(args, 1)
            let schema = try GraphQLDocuments.build(args, schemaDoc)
            let queryAST = GraphQLASTEncoder.encode(query)
            try GraphQLDocuments.validate(args, schema, query)
            return .array([queryAST, schemaAST])
        }
    }

    /// `graphql.parse_and_verify(query, schema)`: `[true, query_ast, schema_ast]`, or `[false, {}, {}]`.
    static var parseAndVerify: Builtin {
        Builtin("graphql.parse_and_verify", arity: 2) { args, _ in
            do {
                let query = try GraphQLDocuments.query(args, 0)
                let queryAST = GraphQLASTEncoder.encode(query)
                let (schemaDoc, schemaAST) = try GraphQLDocuments.schema(args, 1)
                let schema = try GraphQLDocuments.build(args, schemaDoc)
                try GraphQLDocuments.validate(args, schema, query)
                return .array([.true, queryAST, schemaAST])
            } catch {
                return .array([.false, .emptyObject, .emptyObject])
            }
        }
    }

    static var parseQuery: Builtin {
        Builtin("graphql.parse_query", arity: 1) { args, _ in
            let source = try args.string(0)
            let doc = try GraphQLDocuments.located(args) { try GraphQLParser.parseQuery(source) }
            return GraphQLASTEncoder.encode(doc)
        }
    }

    static var parseSchema: Builtin {
        Builtin("graphql.parse_schema", arity: 1) { args, _ in
            let source = try args.string(0)
            let doc = try GraphQLDocuments.located(args) { try GraphQLParser.parseSchema(source) }
            return GraphQLASTEncoder.encode(doc)
        }
    }

    static var isValid: Builtin {
        Builtin("graphql.is_valid", arity: 2) { args, _ in
            do {
                let query = try GraphQLDocuments.query(args, 0)
                let (schemaDoc, _) = try GraphQLDocuments.schema(args, 1)
                let schema = try GraphQLDocuments.build(args, schemaDoc)
                try GraphQLDocuments.validate(args, schema, query)
                return .true
            } catch {
                return .false
            }
        }
    }

    static var schemaIsValid: Builtin {
        Builtin("graphql.schema_is_valid", arity: 1) { args, _ in
            do {
                let (schemaDoc, _) = try GraphQLDocuments.schema(args, 0)
                _ = try GraphQLDocuments.build(args, schemaDoc)
                return .true
            } catch {
                return .false
            }
        }
    }
}
