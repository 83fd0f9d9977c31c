import XCTest
@testable import NetPolicy

/// Generated selectors survive a print/parse round trip, and random input never crashes the parser.
final class CalicoSelectorPropertyTests: XCTestCase {
    private let labels = ["app", "a.b/c-d_e", "projectcalico.org/name", "in", "x1"]
    private let values = ["", "web", "a b", "say \"hi\"", "it's", "ü", "{}", "&&"]

    private func selector(_ random: inout SeededRandom, depth: Int) -> CalicoSelector {
        let leafOnly = depth == 0
        switch random.below(leafOnly ? 10 : 13) {
        case 0: return .all
        case 1: return .global
        case 2: return .has(random.pick(labels))
        case 3: return .equals(random.pick(labels), random.pick(values))
        case 4: return .notEquals(random.pick(labels), random.pick(values))
        case 5: return .contains(random.pick(labels), random.pick(values))
        case 6: return .startsWith(random.pick(labels), random.pick(values))
        case 7: return .endsWith(random.pick(labels), random.pick(values))
        case 8: return .inSet(random.pick(labels), set(&random))
        case 9: return .notInSet(random.pick(labels), set(&random))
        case 10: return .not(selector(&random, depth: depth - 1))
        case 11: return .and((0..<(2 + random.below(2))).map { _ in selector(&random, depth: depth - 1) })
        default: return .or((0..<(2 + random.below(2))).map { _ in selector(&random, depth: depth - 1) })
        }
    }

    private func set(_ random: inout SeededRandom) -> [String] {
        Set((0..<random.below(4)).map { _ in random.pick(values) }).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    func testPrintThenParseGivesTheSameSelector() throws {
        var random = SeededRandom(seed: 42)
        for _ in 0..<3000 {
            let original = selector(&random, depth: 4)
            let printed = original.description
            let reparsed = try CalicoSelector(parsing: printed)
            XCTAssertEqual(reparsed, original, printed)
            XCTAssertEqual(reparsed.description, printed)
        }
    }

    func testRandomBytesNeverCrash() {
        var random = SeededRandom(seed: 7)
        let alphabet = Array("ab()!&|=\"' {},.in has all global starts with not contains".utf8) + [0, 0xff, 0x09, 0x0a]
        var accepted = 0
        for _ in 0..<20000 {
            let length = random.below(24)
            let bytes = (0..<length).map { _ in random.below(4) == 0 ? UInt8(random.below(256)) : random.pick(alphabet) }
            let text = String(decoding: bytes, as: UTF8.self)
            if let selector = try? CalicoSelector(parsing: text) {
                accepted += 1
                XCTAssertEqual(try? CalicoSelector(parsing: selector.description), selector, text)
            }
        }
        XCTAssertGreaterThan(accepted, 0)
    }
}
