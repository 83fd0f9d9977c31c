import Foundation
import XCTest
@testable import PalisadeCore

/// Differential tests: against Go's own answers (a recorded fixture) and,
/// on simple patterns where the semantics agree, against NSRegularExpression.
final class PatternsRE2DifferentialTests: XCTestCase {
    func testAgreesWithGoRegexp() throws {
        var checked = 0
        for line in RE2GoOracleFixture.cases.split(separator: "\n") {
            let data = Data(line.utf8)
            let object = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
            let pattern = try XCTUnwrap(object["p"] as? String)
            let subject = try XCTUnwrap(object["s"] as? String)
            let template = try XCTUnwrap(object["r"] as? String)
            let limit = try XCTUnwrap(object["n"] as? Int)
            let label = "\(pattern.debugDescription) on \(subject.debugDescription)"
            let regex: RE2Regex
            do {
                regex = try RE2Regex(pattern)
            } catch {
                XCTAssertEqual(error.description, object["err"] as? String, label)
                continue
            }
            XCTAssertNil(object["err"], label)
            XCTAssertEqual(regex.allMatchOffsets(Array(subject.utf8), limit: limit), object["all"] as? [[Int]], label)
            XCTAssertEqual(regex.replaceAll(in: subject, with: template), object["rep"] as? String, label)
            XCTAssertEqual(regex.split(subject, limit: limit), object["split"] as? [String], label)
            XCTAssertEqual(regex.matches(subject), object["match"] as? Bool, label)
            checked += 1
        }
        XCTAssertGreaterThan(checked, 1000)
    }

    func testAgreesWithNSRegularExpressionOnSimplePatterns() throws {
        var rng = PatternsSplitMix(seed: 0x5EED)
        for _ in 0..<400 {
            var generator = PatternsSimplePatternGenerator(rng: &rng)
            let pattern = generator.expression(depth: 0)
            let ours = try RE2Regex(pattern)
            let theirs = try NSRegularExpression(pattern: pattern)
            for _ in 0..<8 {
                let length = Int(rng.next() % 9)
                let alphabet: [Character] = ["a", "a", "b", "b", "c"]
                let subject = String((0..<length).map { _ in alphabet[Int(rng.next() % 5)] })
                XCTAssertEqual(groups(ours, subject), groups(theirs, subject), "\(pattern) on \(subject)")
            }
        }
    }

    private func groups(_ regex: RE2Regex, _ subject: String) -> [[Int]?]? {
        guard let offsets = regex.execute(Array(subject.utf8)) else { return nil }
        return stride(from: 0, to: offsets.count, by: 2).map { k -> [Int]? in
            offsets[k] < 0 ? nil : [offsets[k], offsets[k + 1]]
        }
    }

    private func groups(_ regex: NSRegularExpression, _ subject: String) -> [[Int]?]? {
        let whole = NSRange(location: 0, length: subject.utf16.count)
        guard let match = regex.firstMatch(in: subject, range: whole) else { return nil }
        return (0..<match.numberOfRanges).map { k -> [Int]? in
            let range = match.range(at: k)
            return range.location == NSNotFound ? nil : [range.location, range.location + range.length]
        }
    }
}

/// A small deterministic random generator (SplitMix64).
struct PatternsSplitMix {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Patterns whose quantified parts cannot match the empty string, where
/// Perl-style backtracking and RE2's leftmost-first simulation agree on groups.
struct PatternsSimplePatternGenerator {
    private var local: PatternsSplitMix

    init(rng: inout PatternsSplitMix) {
        local = PatternsSplitMix(seed: rng.next())
    }

    private mutating func pick<T>(_ options: [T]) -> T { options[Int(local.next() % UInt64(options.count))] }

    private mutating func single() -> String { pick(["a", "b", "[ab]", ".", "c", "[^a]"]) }

    private mutating func quantifier() -> String { pick(["", "", "*", "+", "?", "*?", "+?", "??", "{1,2}", "{2}", "{0,2}?"]) }

    private mutating func simpleSequence() -> String {
        (0...(local.next() % 2)).map { _ in single() }.joined()
    }

    private mutating func piece(depth: Int) -> String {
        switch local.next() % 6 {
        case 0: return "(" + simpleSequence() + ")" + quantifier()
        case 1: return "(?:" + simpleSequence() + ")" + quantifier()
        case 2 where depth < 2: return "(" + expression(depth: depth + 1) + ")"
        default: return single() + quantifier()
        }
    }

    mutating func expression(depth: Int) -> String {
        let branches = local.next() % 3 == 0 ? 2 : 1
        return (0..<branches).map { _ in
            (0...(local.next() % 3)).map { _ in piece(depth: depth) }.joined()
        }.joined(separator: "|")
    }
}
