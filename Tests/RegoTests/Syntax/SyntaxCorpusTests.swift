import Foundation
import XCTest
@testable import Rego
import PalisadeCore

/// Walks the shared conformance corpora (read in place, never copied) and
/// requires every module, query and input term in them to parse.
final class SyntaxCorpusTests: XCTestCase {
    static let root = URL(fileURLWithPath: SharedCorpus.root + "/conformance")

    /// One Rego source from a corpus.
    struct Source {
        var name: String
        var text: String
    }

    func testOPAConformanceCasesParse() throws {
        let dir = Self.root.appendingPathComponent("rego/v1")
        let files = Self.files(under: dir, suffix: ".json")
        try XCTSkipIf(files.isEmpty, "OPA conformance cases not found at \(dir.path)")
        var failures: [String] = []
        var counts = (modules: 0, queries: 0, terms: 0)
        for url in files {
            guard case .object(let top)? = try? JSONReader.decode(bytes: Array(try Data(contentsOf: url))),
                  case .array(let cases)? = top[.string("cases")] else {
                failures.append("\(url.path): unreadable")
                continue
            }
            for case .object(let testCase) in cases {
                let note = testCase[.string("note")]?.stringValue ?? url.lastPathComponent
                if case .array(let modules)? = testCase[.string("modules")] {
                    for (index, module) in modules.enumerated() {
                        guard let text = module.stringValue else { continue }
                        counts.modules += 1
                        do {
                            _ = try RegoParser.parseModule(text, file: "test-\(index).rego")
                        } catch {
                            failures.append("\(note) module \(index): \(error)")
                        }
                    }
                }
                if let query = testCase[.string("query")]?.stringValue {
                    counts.queries += 1
                    do { _ = try RegoParser.parseQuery(query) } catch { failures.append("\(note) query: \(error)") }
                }
                if let term = testCase[.string("input_term")]?.stringValue {
                    counts.terms += 1
                    do { _ = try RegoParser.parseTerm(term) } catch { failures.append("\(note) input_term: \(error)") }
                }
            }
        }
        XCTAssertGreaterThan(counts.modules, 1000)
        XCTAssertEqual(failures, [], "\(failures.count) failures")
    }

    func testGatekeeperLibraryParsesAsV0() throws {
        let dir = Self.root.appendingPathComponent("gatekeeper-library")
        let sources = Self.gatekeeperSources(dir)
        try XCTSkipIf(sources.isEmpty, "gatekeeper-library not found at \(dir.path)")
        XCTAssertEqual(Self.failures(sources, version: .v0), [])
    }

    func testKubescapeRulesParseAsV0() throws {
        let dir = Self.root.appendingPathComponent("kubescape-regolibrary/rules")
        let sources = Self.files(under: dir, suffix: ".rego").compactMap(Self.source)
        try XCTSkipIf(sources.isEmpty, "kubescape-regolibrary not found at \(dir.path)")
        XCTAssertEqual(Self.failures(sources, version: .v0), [])
    }

    // MARK: Helpers

    static func failures(_ sources: [Source], version: RegoVersion) -> [String] {
        sources.compactMap { source in
            do {
                _ = try RegoParser.parseModule(source.text, file: source.name, version: version)
                return nil
            } catch {
                return "\(source.name): \(error)"
            }
        }
    }

    static func files(under dir: URL, suffix: String) -> [URL] {
        guard let walker = FileManager.default.enumerator(at: dir, includingPropertiesForKeys: nil) else { return [] }
        var result: [URL] = []
        for case let url as URL in walker where url.lastPathComponent.hasSuffix(suffix) { result.append(url) }
        return result.sorted { $0.path < $1.path }
    }

    static func source(_ url: URL) -> Source? {
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return nil }
        return Source(name: url.path, text: text)
    }

    /// The `.rego` files plus the Rego embedded in every ConstraintTemplate.
    static func gatekeeperSources(_ dir: URL) -> [Source] {
        var sources = files(under: dir, suffix: ".rego").compactMap(source)
        for url in files(under: dir, suffix: "template.yaml") {
            guard let text = try? String(contentsOf: url, encoding: .utf8),
                  let docs = try? YAMLReader.documents(text, file: url.path) else { continue }
            for doc in docs {
                for (index, rego) in embeddedRego(doc.value).enumerated() {
                    sources.append(Source(name: "\(url.path)#\(index)", text: rego))
                }
            }
        }
        return sources
    }

    /// `spec.targets[].rego`, `.libs[]` and `.code[].source.{rego,libs}`.
    static func embeddedRego(_ template: Value) -> [String] {
        guard case .array(let targets)? = template["spec"]?["targets"] else { return [] }
        var result: [String] = []
        func collect(_ holder: Value?) {
            guard let holder else { return }
            if let rego = holder["rego"]?.stringValue { result.append(rego) }
            if case .array(let libs)? = holder["libs"] { result.append(contentsOf: libs.compactMap(\.stringValue)) }
        }
        for target in targets {
            collect(target)
            if case .array(let code)? = target["code"] {
                for entry in code where entry["engine"]?.stringValue == "Rego" { collect(entry["source"]) }
            }
        }
        return result
    }
}
