import Foundation
import XCTest
import PalisadeCore
@testable import Rego

/// Hostile policies and inputs must give errors or results, never a crash or a hang.
final class EvaluatorRobustnessTests: XCTestCase {
    private func engine(_ text: String) throws -> RegoEngine {
        try RegoEngine(sources: [RegoSource(file: "f.rego", text: text)])
    }

    func testDeeplyNestedInputIsWalkedWithoutOverflow() throws {
        var json = "1"
        for _ in 0..<900 { json = "[\(json)]" }
        let input = try JSONReader.decode(json)
        let e = try engine("""
        package t
        n := count([p | walk(input, [p, _])])
        """)
        XCTAssertEqual(try e.evaluate(["t", "n"], input: input), .int(901))
    }

    func testHugeNumbersStayExact() throws {
        let e = try engine("""
        package t
        big := 123456789012345678901234567890 * 10
        sum := 9223372036854775807 + 1
        """)
        XCTAssertEqual(try e.evaluate(["t", "big"])?.description, "1234567890123456789012345678900")
        XCTAssertEqual(try e.evaluate(["t", "sum"])?.description, "9223372036854775808")
    }

    func testPathologicalRegexFinishes() throws {
        let e = try engine("""
        package t
        m := regex.match("(a*)*b", input.s)
        """)
        let input = Value.object(fields: ["s": .string(String(repeating: "a", count: 50_000))])
        XCTAssertEqual(try e.evaluate(["t", "m"], input: input), .bool(false))
    }

    func testRunawayEvaluationIsStoppedByTimeout() throws {
        let e = try engine("""
        package t
        n := count([x | some a in numbers.range(1, 2000); some b in numbers.range(1, 2000); x := a * b])
        """)
        var options = EvalOptions()
        options.timeoutSeconds = 0.2
        XCTAssertThrowsError(try e.evaluate(["t", "n"], options: options)) { error in
            XCTAssertEqual((error as? RegoError)?.code, .evalCancel)
        }
    }

    func testDeepRuleChainsHitTheDepthLimitCleanly() throws {
        var text = "package t\nf0(x) := x\n"
        for i in 1...400 { text += "f\(i)(x) := f\(i - 1)(x)\n" }
        text += "v := f400(1)\n"
        let e = try engine(text)
        XCTAssertThrowsError(try e.evaluate(["t", "v"])) { error in
            XCTAssertEqual((error as? RegoError)?.code, .evalLimit, "\(error)")
        }
    }

    /// Mutates corpus-like policies at random (seeded) and evaluates every
    /// rule: each run ends in a value or an error with a location.
    func testRandomlyMutatedPoliciesNeverCrash() throws {
        let seeds = [
            "package t\np contains x if { some x in input.xs; x > 1 }\nq := {k: v | some k, v in input.o}\nr if every x in input.xs { is_number(x) }\n",
            "package t\nf(x) := y if { y := x * 2 } else := 0\ng := [f(x) | some x in input.xs]\nh := sprintf(\"%v-%d\", [g, count(g)])\n",
            "package t\nimport rego.v1\ndefault allow := false\nallow if { input.user.role == \"admin\"; not input.user.banned }\nnames := {n | n := input.users[_].name}\n",
        ]
        let tokens = ["[", "]", "{", "}", "(", ")", ":=", "=", "==", "not ", "some ", " in ", "every ", "if ", "contains ",
                      "input", "data", "x", "_", "1", "\"s\"", ",", ";", "\n", "|", "&", "with input as 1 ", "count(", "1e400", "-"]
        var rng = SeededGenerator(seed: 0x5EED)
        let input = try JSONReader.decode(#"{"xs":[1,2,3],"o":{"a":1},"user":{"role":"admin"},"users":[{"name":"n"}]}"#)
        var options = EvalOptions()
        options.timeoutSeconds = 0.5
        for _ in 0..<2_000 {
            var text = Array(seeds[Int.random(in: 0..<seeds.count, using: &rng)])
            for _ in 0..<Int.random(in: 1...4, using: &rng) {
                let at = Int.random(in: 0...text.count, using: &rng)
                if Bool.random(using: &rng), at < text.count {
                    text.remove(at: at)
                } else {
                    text.insert(contentsOf: tokens[Int.random(in: 0..<tokens.count, using: &rng)], at: at)
                }
            }
            do {
                let e = try engine(String(text))
                for path in e.rulePaths {
                    _ = try? e.evaluate(path, input: input, options: options)
                }
            } catch let error as RegoError {
                XCTAssertNotNil(error.location, "\(error)")
            } catch let error as RegoErrors {
                XCTAssertTrue(error.errors.allSatisfy { $0.location != nil }, "\(error)")
            }
        }
    }
}

/// A small deterministic generator (SplitMix64) so failures reproduce.
struct SeededGenerator: RandomNumberGenerator {
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
