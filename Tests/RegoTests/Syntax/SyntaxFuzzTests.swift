import Foundation
import XCTest
@testable import Rego
import PalisadeCore

/// Random mutations of real modules: the parser must never crash, and every
/// error it reports must carry a location.
final class SyntaxFuzzTests: XCTestCase {
    /// SplitMix64, so runs are reproducible.
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { n <= 0 ? 0 : Int(next() % UInt64(n)) }
    }

    static let fragments: [String] = [
        "{", "}", "[", "]", "(", ")", ":=", "=", "==", ",", ";", "|", "&", ".", ":", "\n", " ", "\t", "#", "# METADATA\n# title: x\n",
        "\"", "`", "$\"", "$`", "\\", "\\{", "{x}", "if", "contains", "in", "every", "some", "not", "with", "as", "else", "default",
        "package", "import", "import rego.v1\n", "import future.keywords\n", "_", "-", "-.", ".5", "1e999999", "01", "0x1", "1.",
        "\u{0}", "\u{FEFF}", "é", "٣", "😀", "input", "data", "set()", "x", "p", "f(x)", "[x | x := 1]", "{k: v | some k, v in o}",
        "$\"{", "}\"", "else := 1", "p contains x if", "every x in xs {", "\u{7F}", "!", "!=", "%", "*", "/", "+",
    ]

    func testMutatedModulesNeverCrash() throws {
        let seeds = Self.seedModules()
        try XCTSkipIf(seeds.isEmpty, "no corpus modules found under \(SyntaxCorpusTests.root.path)")
        var random = Random(state: 0x5EED_1234)
        var parsed = 0
        var failed = 0
        for _ in 0..<3000 {
            let seed = seeds[random.below(seeds.count)]
            let text = mutate(seed, &random)
            for version in [RegoVersion.v1, .v0] {
                do {
                    _ = try RegoParser.parseModule(text, file: "fuzz.rego", version: version)
                    parsed += 1
                } catch {
                    failed += 1
                    assertLocated(error, text)
                }
            }
            do { _ = try RegoParser.parseQuery(text) } catch { assertLocated(error, text) }
        }
        XCTAssertGreaterThan(parsed, 0)
        XCTAssertGreaterThan(failed, 0)
    }

    func testRandomTokenSoup() {
        var random = Random(state: 42)
        for _ in 0..<3000 {
            var text = ""
            for _ in 0..<random.below(40) { text += Self.fragments[random.below(Self.fragments.count)] }
            do { _ = try RegoParser.parseModule(text, file: "soup.rego") } catch { assertLocated(error, text) }
            do { _ = try RegoParser.parseTerm(text) } catch { assertLocated(error, text) }
        }
    }

    private func assertLocated(_ error: Error, _ text: String, line: UInt = #line) {
        switch error {
        case let single as RegoError:
            XCTAssertNotNil(single.location, "no location for \(single) in \(text.debugDescription)", line: line)
        case let many as RegoErrors:
            XCTAssertFalse(many.errors.isEmpty)
            for single in many.errors {
                XCTAssertNotNil(single.location, "no location for \(single) in \(text.debugDescription)", line: line)
            }
        default:
            XCTFail("unexpected error type \(type(of: error)): \(error)", line: line)
        }
    }

    private func mutate(_ source: String, _ random: inout Random) -> String {
        var bytes = Array(source.utf8)
        for _ in 0..<(1 + random.below(4)) {
            let at = random.below(bytes.count + 1)
            switch random.below(5) {
            case 0:
                let length = min(random.below(12) + 1, bytes.count - at)
                if length > 0 { bytes.removeSubrange(at..<(at + length)) }
            case 1:
                bytes.insert(contentsOf: Array(Self.fragments[random.below(Self.fragments.count)].utf8), at: at)
            case 2:
                let length = min(random.below(60), bytes.count - at)
                let slice = Array(bytes[at..<(at + length)])
                bytes.insert(contentsOf: slice, at: random.below(bytes.count + 1))
            case 3:
                bytes = Array(bytes[..<at])
            default:
                if at < bytes.count { bytes[at] = UInt8(truncatingIfNeeded: random.next()) }
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A sample of modules from the OPA cases and the v0 libraries.
    static func seedModules() -> [String] {
        var seeds: [String] = []
        let cases = SyntaxCorpusTests.files(under: SyntaxCorpusTests.root.appendingPathComponent("rego/v1"), suffix: ".json")
        for url in cases.enumerated().filter({ $0.offset % 7 == 0 }).map(\.element) {
            guard let data = try? Data(contentsOf: url),
                  case .object(let top)? = try? JSONReader.decode(bytes: Array(data)),
                  case .array(let list)? = top[.string("cases")] else { continue }
            for case .object(let testCase) in list {
                if case .array(let modules)? = testCase[.string("modules")] { seeds += modules.compactMap(\.stringValue) }
            }
        }
        let kubescape = SyntaxCorpusTests.files(under: SyntaxCorpusTests.root.appendingPathComponent("kubescape-regolibrary/rules"), suffix: ".rego")
        for url in kubescape.enumerated().filter({ $0.offset % 10 == 0 }).map(\.element) {
            if let text = try? String(contentsOf: url, encoding: .utf8) { seeds.append(text) }
        }
        return seeds
    }
}
