import ArgumentParser
import Foundation
import PalisadeCore
import Rego

struct PolicyCheck: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check manifests against Rego policies (like `conftest test`).",
        discussion: """
        Every document of every manifest (multi-document YAML, JSON, or `-`
        for standard input) is evaluated as `input` against the rules `deny`,
        `violation` and `warn` (and `deny_*`, `violation_*`, `warn_*`) of the
        policy namespace. Rules may produce strings or objects with a `msg`
        field. `deny` and `violation` results are failures, `warn` results
        are warnings.

        Exit status: 0 when nothing failed, 1 on any failure, 2 when a
        policy or manifest could not be read.

        Example:
          palisade policy check -p examples/policies examples/manifests
        """
    )

    @Option(name: [.short, .long], help: ArgumentHelp("Directory (or file) of Rego policies.", valueName: "dir"))
    var policy: [String] = ["policy"]

    @Option(name: [.short, .long], help: ArgumentHelp("Data files or directories, merged as `opa` does (repeatable).", valueName: "path"))
    var data: [String] = []

    @Option(name: [.short, .long], help: ArgumentHelp("Policy package to evaluate, e.g. main or kubernetes.pods (repeatable).", valueName: "package"))
    var namespace: [String] = ["main"]

    @Flag(name: .long, help: "Evaluate every package of the policies.")
    var allNamespaces = false

    @Option(name: [.short, .long], help: "Output format: stdout or json.")
    var output: CheckFormat = .stdout

    @Flag(name: .long, help: "Exit 1 on warnings too.")
    var failOnWarn = false

    @Flag(name: .long, help: "Parse policies as Rego v0 (no `if`/`contains` required).")
    var v0Compatible = false

    @Flag(name: .long, help: "Strict checks as `opa check --strict`: unused imports and assignments, deprecated builtins.")
    var strict = false

    @Argument(help: "Manifest files or directories (.yaml, .yml, .json); `-` reads standard input.")
    var manifests: [String]

    func run() throws {
        let checker: ManifestChecker
        do {
            let policyFiles = try PolicyFiles(paths: policy, includeData: false)
            guard !policyFiles.sources.isEmpty else {
                printError("palisade policy check: no .rego files found in \(policy.joined(separator: ", "))")
                throw PolicyExit.unusable
            }
            let dataFiles = try PolicyFiles(paths: data)
            let engine = try RegoEngine(sources: policyFiles.sources, data: dataFiles.data, version: v0Compatible ? .v0 : .v1, strict: strict)
            checker = ManifestChecker(engine: engine, namespaces: allNamespaces ? nil : namespace)
        } catch let exit as ExitCode {
            throw exit
        } catch {
            printError("\(error)")
            throw PolicyExit.unusable
        }
        var results: [ManifestChecker.Result] = []
        var unreadable = false
        for path in try expand(manifests) {
            do {
                results += try checker.check(try ManifestDocuments.read(path))
            } catch {
                printError("\(error)")
                unreadable = true
            }
        }
        switch output {
        case .stdout: print(ManifestChecker.text(results))
        case .json: print(JSONWriter.string(ManifestChecker.json(results), options: .pretty))
        }
        if results.contains(where: { !$0.failures.isEmpty }) { throw PolicyExit.failed }
        if failOnWarn, results.contains(where: { !$0.warnings.isEmpty }) { throw PolicyExit.failed }
        if unreadable { throw PolicyExit.unusable }
    }

    /// Directories become the manifest files below them.
    private func expand(_ paths: [String]) throws -> [String] {
        var result: [String] = []
        for path in paths {
            var isDir: ObjCBool = false
            if path != "-", FileManager.default.fileExists(atPath: path, isDirectory: &isDir), isDir.boolValue {
                let files = try PolicyFiles.files(under: path).filter { ["yaml", "yml", "json"].contains(($0 as NSString).pathExtension.lowercased()) }
                result += files.map { (path as NSString).appendingPathComponent($0) }
            } else {
                result.append(path)
            }
        }
        return result
    }
}

enum CheckFormat: String, ExpressibleByArgument, CaseIterable {
    case stdout, json
}

/// The documents of one manifest file.
struct ManifestDocuments {
    var file: String
    var documents: [Value]

    static func read(_ path: String) throws -> ManifestDocuments {
        let text = path == "-" ? readStandardInput() : try readText(path)
        let name = path == "-" ? "-" : path
        if path.lowercased().hasSuffix(".json") {
            return ManifestDocuments(file: name, documents: [try JSONReader.decode(text, file: name)])
        }
        let docs = try YAMLReader.documents(text, file: name).map(\.value).filter { $0 != .null }
        return ManifestDocuments(file: name, documents: docs)
    }
}

/// Evaluates conftest-style rules over manifest documents.
struct ManifestChecker {
    struct Message {
        var msg: String
        var metadata: Value?
    }

    struct Result {
        var file: String
        /// 1-based document index within the file.
        var document: Int
        var documentCount: Int
        var namespace: String
        var successes: Int
        var failures: [Message]
        var warnings: [Message]
    }

    let engine: RegoEngine
    /// Nil means every package.
    let namespaces: [String]?

    private static let rulePattern = try! NSRegularExpression(pattern: "^(deny|violation|warn)(_[A-Za-z0-9_]+)?$")

    /// Rule paths grouped by package, for the selected namespaces.
    private var rulesByNamespace: [(String, [[String]])] {
        var groups: [String: [[String]]] = [:]
        for path in engine.rulePaths where path.count >= 2 {
            let name = path[path.count - 1]
            guard Self.rulePattern.firstMatch(in: name, range: NSRange(name.startIndex..., in: name)) != nil else { continue }
            let ns = path.dropLast().joined(separator: ".")
            if let namespaces, !namespaces.contains(ns) { continue }
            groups[ns, default: []].append(path)
        }
        let wanted = namespaces ?? groups.keys.sorted()
        return wanted.map { ($0, groups[$0] ?? []) }
    }

    func check(_ manifest: ManifestDocuments) throws -> [Result] {
        var results: [Result] = []
        let groups = rulesByNamespace
        for (index, document) in manifest.documents.enumerated() {
            for (ns, rules) in groups {
                var result = Result(file: manifest.file, document: index + 1, documentCount: manifest.documents.count,
                                    namespace: ns, successes: 0, failures: [], warnings: [])
                for path in rules {
                    let messages = Self.messages(try engine.evaluate(path, input: document))
                    if messages.isEmpty { result.successes += 1; continue }
                    if path.last?.hasPrefix("warn") == true { result.warnings += messages } else { result.failures += messages }
                }
                results.append(result)
            }
        }
        return results
    }

    /// Messages from a rule's value: a set/array of strings or `{msg, ...}` objects, or `true`.
    static func messages(_ value: Value?) -> [Message] {
        guard let value else { return [] }
        switch value {
        case .bool(true): return [Message(msg: "", metadata: nil)]
        case .string(let s): return [Message(msg: s, metadata: nil)]
        case .object: return [message(value)]
        default: return (value.elements ?? []).map(message)
        }
    }

    private static func message(_ item: Value) -> Message {
        if case .string(let s) = item { return Message(msg: s, metadata: nil) }
        guard case .object(var fields) = item else { return Message(msg: item.description, metadata: nil) }
        let msg = fields.removeValue(forKey: .string("msg"))
        let text = msg?.stringValue ?? msg?.description ?? item.description
        return Message(msg: text, metadata: fields.isEmpty ? nil : .object(fields))
    }

    static func location(_ r: Result) -> String {
        r.documentCount > 1 ? "\(r.file) (document \(r.document))" : r.file
    }

    /// conftest's default output.
    static func text(_ results: [Result]) -> String {
        var lines: [String] = []
        for r in results {
            for w in r.warnings { lines.append("WARN - \(location(r)) - \(r.namespace) - \(w.msg)") }
            for f in r.failures { lines.append("FAIL - \(location(r)) - \(r.namespace) - \(f.msg)") }
        }
        let warnings = results.reduce(0) { $0 + $1.warnings.count }
        let failures = results.reduce(0) { $0 + $1.failures.count }
        let passed = results.reduce(0) { $0 + $1.successes }
        let total = passed + warnings + failures
        if !lines.isEmpty { lines.append("") }
        lines.append("\(total) test\(total == 1 ? "" : "s"), \(passed) passed, \(warnings) warning\(warnings == 1 ? "" : "s"), \(failures) failure\(failures == 1 ? "" : "s"), 0 exceptions")
        return lines.joined(separator: "\n")
    }

    static func json(_ results: [Result]) -> Value {
        func encode(_ m: Message) -> Value {
            var fields: [String: Value] = ["msg": .string(m.msg)]
            if let metadata = m.metadata { fields["metadata"] = metadata }
            return .object(fields: fields)
        }
        return .array(results.map { r in
            .object(fields: [
                "filename": .string(r.file),
                "document": .int(r.document),
                "namespace": .string(r.namespace),
                "successes": .int(r.successes),
                "failures": .array(r.failures.map(encode)),
                "warnings": .array(r.warnings.map(encode)),
            ])
        })
    }
}
