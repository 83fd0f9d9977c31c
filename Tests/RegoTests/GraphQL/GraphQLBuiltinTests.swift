import XCTest
@testable import Rego
import PalisadeCore

/// Behaviour of the graphql.* builtins beyond the conformance cases: messages, operands, limits.
final class GraphQLBuiltinTests: XCTestCase {
    private let schema = Value.string("""
        type Query { hero(episode: Episode): Character, droid(id: ID!): Droid, num(x: Int, inp: Inp): Int }
        enum Episode { NEWHOPE EMPIRE JEDI }
        interface Character { id: ID!, name: String }
        type Human implements Character { id: ID!, name: String, height: Float }
        type Droid implements Character { id: ID!, name: String, primaryFunction: String }
        input Inp { a: Int!, b: String }
        """)

    private func call(_ name: String, _ args: Value...) throws -> Value? {
        let builtin = try XCTUnwrap(GraphQLBuiltins.all.first { $0.name == name })
        return try builtin.body(BuiltinArgs(name: name, values: args), BuiltinContext(strictErrors: true))
    }

    private func errorMessage(_ name: String, _ args: Value...) -> String? {
        guard let builtin = GraphQLBuiltins.all.first(where: { $0.name == name }) else { return nil }
        do {
            _ = try builtin.body(BuiltinArgs(name: name, values: args), BuiltinContext(strictErrors: true))
            return nil
        } catch let error as BuiltinError {
            return error.message
        } catch {
            return "\(error)"
        }
    }

    func testAllBuiltinsRegistered() {
        let names = Set(GraphQLBuiltins.all.map(\.name))
        XCTAssertEqual(names, ["graphql.parse", "graphql.parse_and_verify", "graphql.parse_query",
                               "graphql.parse_schema", "graphql.is_valid", "graphql.schema_is_valid"])
        XCTAssertEqual(GraphQLBuiltins.all.first { $0.name == "graphql.parse" }?.arity, 2)
        XCTAssertEqual(GraphQLBuiltins.all.first { $0.name == "graphql.parse_query" }?.arity, 1)
    }

    func testParseQueryErrors() {
        XCTAssertEqual(errorMessage("graphql.parse_query", .string("{ a(x: \"open) }")),
                       "graphql.parse_query: Unexpected <Invalid> in GraphQL string at location 1:16")
        XCTAssertEqual(errorMessage("graphql.parse_query", .string("{ 'x' }")),
                       "graphql.parse_query: Expected Name, found <Invalid> in GraphQL string at location 1:3")
        XCTAssertEqual(errorMessage("graphql.parse_query", .int(1)),
                       "graphql.parse_query: operand 1 must be string but got number")
        XCTAssertEqual(errorMessage("graphql.parse_schema", .string("schema { \"abc }")),
                       "graphql.parse_schema: Unterminated string. in GraphQL string at location 1:16")
    }

    func testParseQueryValues() throws {
        let ast = try XCTUnwrap(call("graphql.parse_query", .string("{ a(x: \"\\u00e9\\n\", y: 1.5e3, z: [A, {k: $v}]) }")))
        let args = ast["Operations"]?.arrayValue?.first?["SelectionSet"]?.arrayValue?.first?["Arguments"]?.arrayValue
        XCTAssertEqual(args?[0]["Value"]?["Raw"], .string("é\n"))
        XCTAssertEqual(args?[1]["Value"]?["Kind"], .int(2))
        XCTAssertEqual(args?[2]["Value"]?["Kind"], .int(8))
        XCTAssertEqual(args?[2]["Value"]?["Children"]?.arrayValue?[0]["Value"]?["Kind"], .int(7))
    }

    func testBlockStringDescriptionIsDedented() throws {
        let ast = try XCTUnwrap(call("graphql.parse_schema", .string("\"\"\"\n    Line one\n      indented\n\"\"\"\nscalar S")))
        XCTAssertEqual(ast["Definitions"]?.arrayValue?.first?["Description"], .string("Line one\n  indented"))
    }

    func testValidationMessages() {
        XCTAssertEqual(errorMessage("graphql.parse", .string("{ droid { name } }"), schema),
                       "graphql.parse: Field \"droid\" argument \"id\" of type \"ID!\" is required, but it was not provided in GraphQL string at location 1:3")
        XCTAssertEqual(errorMessage("graphql.parse", .string("{ hero(episode: FOO) { name } }"), schema),
                       "graphql.parse: Value \"FOO\" does not exist in \"Episode\" enum in GraphQL string at location 1:17")
        XCTAssertEqual(errorMessage("graphql.parse", .string("query Q($v: Int) { num }"), schema),
                       "graphql.parse: Variable \"$v\" is never used in operation \"Q\" in GraphQL string at location 1:9")
        XCTAssertEqual(errorMessage("graphql.parse", .string("{ num(inp: {a: 1, a: 2}) }"), schema),
                       "graphql.parse: There can be only one input field named \"a\" in GraphQL string at location 1:19")
        XCTAssertEqual(errorMessage("graphql.parse", .string("{ a: num(x: 1) a: num(x: 2) }"), schema),
                       "graphql.parse: Fields \"a\" conflict because they have differing arguments. Use different aliases on the fields to fetch both if this was intentional in GraphQL string at location 1:16")
        // gqlparser's message ends in "?", so OPA keeps the list's trailing newline before its suffix.
        XCTAssertEqual(errorMessage("graphql.parse", .string("{ hero { nam } }"), schema),
                       "graphql.parse: Cannot query field \"nam\" on type \"Character\". Did you mean \"name\"?\n in GraphQL string at location 1:10")
    }

    func testSchemaConversionErrors() {
        XCTAssertEqual(errorMessage("graphql.parse", .string("{ a }"), .string("type Query { a: Foo }")),
                       "graphql.parse: Error in gqlparser SchemaDocument to Schema conversion: input:1:17: Undefined type Foo.")
        XCTAssertEqual(errorMessage("graphql.parse", .string("{ a }"), .string("type Query implements I { a: Int } interface I { b: Int }")),
                       "graphql.parse: Error in gqlparser SchemaDocument to Schema conversion: input:1:6: For Query to implement I it must have a field called b.")
    }

    func testValidQueries() throws {
        for query in ["{ __typename __schema { types { name } } __type(name: \"Human\") { name } }",
                      "{ hero { __typename ... on Human { height } ... on Droid { primaryFunction } } }",
                      "query ($e: Episode = JEDI) { hero(episode: $e) { id } }",
                      "{ ...F } fragment F on Query { num(inp: {a: 1}) }"] {
            XCTAssertEqual(try call("graphql.is_valid", .string(query), schema), .true, query)
        }
    }

    func testOperandTypes() throws {
        XCTAssertEqual(errorMessage("graphql.parse", .int(1), schema),
                       "graphql.parse: operand 0 must be one of {string, object} but got number")
        XCTAssertEqual(errorMessage("graphql.parse", .string("{ a }"), .bool(true)),
                       "graphql.parse: operand 1 must be one of {string, object} but got boolean")
        XCTAssertEqual(try call("graphql.is_valid", .int(1), schema), .false)
        XCTAssertEqual(try call("graphql.schema_is_valid", .array([])), .false)
        XCTAssertEqual(try call("graphql.parse_and_verify", .string("{ num }"), .null),
                       .array([.false, .emptyObject, .emptyObject]))
    }

    func testASTObjectsRoundTrip() throws {
        let query = try XCTUnwrap(call("graphql.parse_query", .string("query ($id: ID!) { droid(id: $id) { ... on Droid { name } ...N } } fragment N on Character { id }")))
        let schemaAST = try XCTUnwrap(call("graphql.parse_schema", schema))
        XCTAssertEqual(try call("graphql.is_valid", query, schemaAST), .true)
        XCTAssertEqual(try call("graphql.parse", query, schemaAST), .array([query, schemaAST]))
        let bad = try XCTUnwrap(call("graphql.parse_query", .string("{ droid(id: 1) { nope } }")))
        XCTAssertEqual(try call("graphql.is_valid", bad, schemaAST), .false)
    }

    func testHostileInputIsBounded() throws {
        let deep = String(repeating: "{a", count: 50_000) + String(repeating: "}", count: 50_000)
        XCTAssertEqual(errorMessage("graphql.parse_query", .string(deep)),
                       "graphql.parse_query: Exceeded maximum nesting depth of 128 in GraphQL string at location 1:257")
        let deepList = "{ a(x: " + String(repeating: "[", count: 50_000) + ") }"
        XCTAssertNotNil(errorMessage("graphql.parse_query", .string(deepList)))
        var chain = "{ ...F0 }"
        for i in 0..<1_000 { chain += " fragment F\(i) on Query { ...F\(i + 1) }" }
        chain += " fragment F1000 on Query { num }"
        XCTAssertEqual(try call("graphql.is_valid", .string(chain), schema), .false)
        var nested = Value.string("x")
        for _ in 0..<5_000 { nested = .object([.string("SelectionSet"): .array([nested])]) }
        XCTAssertEqual(try call("graphql.is_valid", .object([.string("Operations"): .array([nested])]), schema), .false)
    }
}
