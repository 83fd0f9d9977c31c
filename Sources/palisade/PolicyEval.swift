import ArgumentParser
import PalisadeCore
import Rego

struct PolicyEval: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Evaluate a Rego query (like `opa eval`).",
        discussion: """
        Prints the result set as JSON, in the shape `opa eval` uses:
          {"result":[{"expressions":[{"value":…,"text":…,"location":…}],
                      "bindings":{…}}]}
        `bindings` is left out when empty; an undefined query prints {}.

        Examples:
          palisade policy eval -d examples/policies \
            -i examples/input/deployment.json data.kubernetes.deny
          palisade policy eval --format pretty 'x := [1, 2, 3][_]'
        """
    )

    @Option(name: [.short, .customLong("data")], help: ArgumentHelp("Rego module or data file, or a directory of them (repeatable).", valueName: "path"))
    var data: [String] = []

    @Option(name: [.short, .long], help: ArgumentHelp("Input document (JSON or YAML).", valueName: "file"))
    var input: String?

    @Flag(name: [.customShort("I"), .long], help: "Read the input document from standard input.")
    var stdinInput = false

    @Option(name: [.short, .long], help: "Output format: json or pretty.")
    var format: EvalFormat = .json

    @Flag(name: .long, help: "Parse modules as Rego v0 (no `if`/`contains` required).")
    var v0Compatible = false

    @Flag(name: .long, help: "Strict checks as `opa check --strict`: unused imports and assignments, deprecated builtins.")
    var strict = false

    @Flag(name: .long, help: "Make builtin errors abort evaluation instead of making the call undefined.")
    var strictBuiltinErrors = false

    @Flag(name: .long, help: "Exit 1 when the result is undefined.")
    var fail = false

    @Flag(name: .long, help: "Exit 1 when the result is defined.")
    var failDefined = false

    @Option(name: .long, help: ArgumentHelp("Abort evaluation after this many seconds.", valueName: "seconds"))
    var timeout: Double?

    @Argument(help: "The Rego query, e.g. data.example.allow.")
    var query: String

    func run() throws {
        let results: [QueryResult]
        do {
            let files = try PolicyFiles(paths: data)
            let engine = try RegoEngine(sources: files.sources, data: files.data, version: v0Compatible ? .v0 : .v1, strict: strict)
            var options = EvalOptions()
            options.strictBuiltinErrors = strictBuiltinErrors
            options.timeoutSeconds = timeout
            options.printSink = { printError($0) }
            results = try engine.query(query, input: try loadInput(), options: options)
        } catch {
            print(EvalOutput.errors(error, format: format))
            throw PolicyExit.failed
        }
        print(EvalOutput.render(results, format: format))
        if fail && results.isEmpty { throw PolicyExit.failed }
        if failDefined && !results.isEmpty { throw PolicyExit.failed }
    }

    private func loadInput() throws -> Value? {
        if stdinInput { return try parseDocument(readStandardInput(), file: "<stdin>") }
        guard let input else { return nil }
        return try readDocument(input)
    }
}

enum EvalFormat: String, ExpressibleByArgument, CaseIterable {
    case json, pretty
}

/// Renders `opa eval` output.
enum EvalOutput {
    /// `{"result": [{"expressions": [{"value", "text", "location"}], "bindings"}]}` in opa's key order.
    static func resultDocument(_ results: [QueryResult]) -> OrderedJSON {
        if results.isEmpty { return .object([]) }
        let items: [OrderedJSON] = results.map { r in
            var fields: [(String, OrderedJSON)] = [
                ("expressions", .array(r.expressions.map { e in
                    .object([
                        ("value", .value(e.value)),
                        ("text", .value(.string(e.text))),
                        ("location", .object([("row", .value(.int(e.location.line))), ("col", .value(.int(e.location.column)))])),
                    ])
                })),
            ]
            if !r.bindings.isEmpty { fields.append(("bindings", .value(.object(fields: r.bindings)))) }
            return .object(fields)
        }
        return .object([("result", .array(items))])
    }

    static func render(_ results: [QueryResult], format: EvalFormat) -> String {
        switch format {
        case .json: return resultDocument(results).render()
        case .pretty: return pretty(results)
        }
    }

    /// `opa eval --format pretty`: the value alone for one unbound expression,
    /// otherwise a table of bindings.
    static func pretty(_ results: [QueryResult]) -> String {
        if results.isEmpty { return "undefined" }
        if results.count == 1, results[0].bindings.isEmpty, results[0].expressions.count == 1 {
            return JSONWriter.string(results[0].expressions[0].value, options: .pretty)
        }
        let names = Array(Set(results.flatMap { $0.bindings.keys })).sorted()
        if names.isEmpty {
            return results.map { r in r.expressions.map { JSONWriter.string($0.value, options: .pretty) }.joined(separator: "\n") }
                .joined(separator: "\n")
        }
        let rows = results.map { r in names.map { r.bindings[$0].map { JSONWriter.string($0) } ?? "" } }
        return Table(header: names, rows: rows).render()
    }

    static func errors(_ error: Error, format: EvalFormat) -> String {
        let list: [Error] = (error as? RegoErrors)?.errors ?? [error]
        if format == .pretty { return list.map { "\($0)" }.joined(separator: "\n") }
        let items: [OrderedJSON] = list.map { e in
            var message = "\(e)", code: String?, location: Location?
            if let rego = e as? RegoError {
                (message, code, location) = (rego.message, rego.code.rawValue, rego.location)
            } else if let input = e as? InputError {
                (message, location) = (input.message, input.location)
            }
            var fields: [(String, OrderedJSON)] = [("message", .value(.string(message)))]
            if let code { fields.append(("code", .value(.string(code)))) }
            if let l = location {
                fields.append(("location", .object([("file", .value(.string(l.file))), ("row", .value(.int(l.line))),
                                                    ("col", .value(.int(l.column)))])))
            }
            return .object(fields)
        }
        return OrderedJSON.object([("errors", .array(items))]).render()
    }
}

/// A plain box table like the ones `opa eval --format pretty` prints.
struct Table {
    var header: [String]
    var rows: [[String]]

    func render() -> String {
        var widths = header.map(\.count)
        for row in rows { for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], cell.count) } }
        let rule = "+" + widths.map { String(repeating: "-", count: $0 + 2) }.joined(separator: "+") + "+"
        func line(_ cells: [String]) -> String {
            "|" + cells.enumerated().map { i, c in " " + c + String(repeating: " ", count: widths[i] - c.count) + " " }.joined(separator: "|") + "|"
        }
        return ([rule, line(header), rule] + rows.map(line) + [rule]).joined(separator: "\n")
    }
}
